//! The engine cache behind the server. A story (one folder of articles,
//! its configuration and rules) is loaded once: rules compiled, every
//! article on disk read and its claims extracted. An edit then costs one
//! article's extraction plus the cross-source checks, which is what keeps
//! diagnostics under the keystroke budget. What changes on disk is re-read
//! alone: a saved article re-reads that article; a rule file, a manifest or
//! a configuration file reloads the story, since everything depends on it.

use crate::config::Config;
use crate::corpus::{self, Corpus, Source, SourceMeta};
use crate::extract::{self, Claim};
use crate::files::{Diagnostic, FileId, Files};
use crate::finding::Finding;
use crate::rules::RuleSet;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One folder of articles with everything loaded from disk.
pub struct Story {
    /// The folder as handed to the engine: relative to the server's
    /// working folder when inside it, so messages name `corpus/a.txt` as
    /// the command line does.
    pub folder: PathBuf,
    pub config: Config,
    pub rules: RuleSet,
    /// Rules, configuration, manifests and the articles as saved.
    files: Files,
    corpus: Corpus,
    /// The claims of each saved article, by its index in `corpus`.
    claims: Vec<Vec<Claim>>,
}

/// A story that could not be loaded: the errors the command line would
/// print, pointing into `files`.
pub struct Broken {
    pub files: Files,
    pub errors: Vec<Diagnostic>,
}

/// One article checked against the rest of its story.
pub struct Analysis {
    pub files: Files,
    pub corpus: Corpus,
    pub claims: Vec<Claim>,
    /// After acknowledgements, as the command line reports them.
    pub findings: Vec<Finding>,
    /// The article's index in `corpus` and its file.
    pub source: usize,
    pub file: FileId,
}

impl Story {
    /// Loads the story of the articles in `folder`, as `factlint folder`
    /// would: configuration found from the folder, rules compiled, every
    /// article read and its claims extracted.
    pub fn load(folder: &Path) -> Result<Story, Broken> {
        let folder = relative_to_working_folder(folder);
        let mut files = Files::new();
        let paths = [folder.clone()];
        let loaded = Config::resolve(None, &[], &paths, &mut files).and_then(|config| {
            let rules = crate::load_rules(&config, &mut files);
            let corpus = Corpus::load_with(&paths, &config.inputs, &mut files);
            match (rules, corpus) {
                (Ok(rules), Ok(corpus)) => Ok((config, rules, corpus)),
                (rules, corpus) => {
                    let mut errors = rules.err().unwrap_or_default();
                    errors.extend(corpus.err().unwrap_or_default());
                    Err(errors)
                }
            }
        });
        let (config, rules, corpus) = match loaded {
            Ok(l) => l,
            Err(errors) => return Err(Broken { files, errors }),
        };
        let mut claims = vec![Vec::new(); corpus.sources.len()];
        for claim in extract::extract(&rules, &corpus) {
            claims[claim.source].push(claim);
        }
        Ok(Story {
            folder,
            config,
            rules,
            files,
            corpus,
            claims,
        })
    }

    /// Whether `path` is one of the files the story was loaded from other
    /// than its articles: a change to it means reloading the story.
    pub fn depends_on(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == corpus::MANIFEST {
            return same_file(path.parent().unwrap_or(Path::new("")), &self.folder)
                || path.starts_with(absolute(&self.folder));
        }
        if let Some((config, _)) = &self.config.file {
            if same_file(config, path) {
                return true;
            }
        }
        path.extension().is_some_and(|x| x == "toml")
            && self.config.rules.iter().any(|rules| {
                same_file(rules, path)
                    || path.parent().is_some_and(|parent| same_file(rules, parent))
            })
    }

    /// The saved article at `path`, if it is one of the story's.
    fn index_of(&self, shown: &str) -> Option<usize> {
        self.corpus.sources.iter().position(|s| s.path == shown)
    }

    /// Re-reads one saved article and re-extracts its claims only.
    /// `false` when it cannot be read: the caller reloads the story, which
    /// reports why.
    pub fn refresh_article(&mut self, path: &Path) -> bool {
        let shown = self.shown(path);
        let Ok(text) = std::fs::read_to_string(path) else {
            return false;
        };
        let text: Arc<str> = text.into();
        let meta = match self.index_of(&shown) {
            Some(i) => self.corpus.sources[i].meta.clone(),
            None => return false,
        };
        let file = self.files.add(shown.clone(), text.clone());
        let Ok(source) = article(shown, path, file, text, meta, &self.config.inputs) else {
            return false;
        };
        let claims = claims_of(&self.rules, source);
        let Some(i) = self.index_of(&claims.0.path) else {
            return false;
        };
        self.corpus.sources[i] = claims.0;
        self.claims[i] = claims.1;
        true
    }

    /// How `path` is named in reports: as the engine names an article it
    /// found walking `folder`.
    pub fn shown(&self, path: &Path) -> String {
        let inside = path
            .file_name()
            .map(|name| self.folder.join(name))
            .unwrap_or_default();
        corpus::display(&inside)
    }

    /// Whether the story reads `path` as an article (its folder, a kind of
    /// file the corpus reads).
    pub fn holds(&self, path: &Path) -> bool {
        path.parent()
            .is_some_and(|parent| same_file(parent, &self.folder))
            && path
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| corpus::SOURCE_EXTENSIONS.contains(&x))
    }

    /// Checks the article at `path`, with the editor's unsaved `text`,
    /// against every other article of the story as saved.
    pub fn analyse(&self, path: &Path, text: &str) -> Result<Analysis, Broken> {
        let shown = self.shown(path);
        let mut files = self.files.clone();
        let text: Arc<str> = text.into();
        let file = files.add(shown.clone(), text.clone());
        let saved = self.index_of(&shown);
        let meta = saved
            .map(|i| self.corpus.sources[i].meta.clone())
            .unwrap_or_default();
        let source = article(shown.clone(), path, file, text, meta, &self.config.inputs).map_err(
            |errors| Broken {
                files: files.clone(),
                errors,
            },
        )?;
        let (source, own_claims) = claims_of(&self.rules, source);

        // The saved articles, with the buffer in its place (or added, for
        // an article not saved yet), in the engine's order: by path.
        let mut sources: Vec<Source> = Vec::with_capacity(self.corpus.sources.len() + 1);
        let mut others: Vec<Option<usize>> = Vec::new();
        for (i, s) in self.corpus.sources.iter().enumerate() {
            if Some(i) != saved {
                sources.push(s.clone());
                others.push(Some(i));
            }
        }
        let at = sources.partition_point(|s| s.path < shown);
        sources.insert(at, source);
        others.insert(at, None);

        let mut claims = Vec::new();
        for (index, from) in others.iter().enumerate() {
            let theirs = match from {
                Some(i) => &self.claims[*i],
                None => &own_claims,
            };
            claims.extend(theirs.iter().cloned().map(|mut c| {
                c.source = index;
                c
            }));
        }
        claims.sort_by_key(|c| (c.fact, c.source, c.span.start, c.span.end));

        let corpus = Corpus { sources };
        // Wire copies count once here too, found afresh with the buffer
        // in place (editing an article can make or break a copy).
        let copies = crate::copies::Copies::detect(&corpus);
        let findings = crate::findings(&self.rules, &corpus, &claims, None, &self.config, &copies);
        let (findings, _) = crate::suppress::apply(&corpus, findings, &self.config.defaults);
        Ok(Analysis {
            files,
            corpus,
            claims,
            findings,
            source: at,
            file,
        })
    }
}

/// Every story the server has loaded, by folder.
#[derive(Default)]
pub struct Stories {
    loaded: BTreeMap<PathBuf, Result<Story, Broken>>,
}

impl Stories {
    /// The story of the folder holding `path`, loaded on first use.
    pub fn of(&mut self, path: &Path) -> &Result<Story, Broken> {
        let folder = path.parent().map(absolute).unwrap_or_default();
        self.loaded
            .entry(folder.clone())
            .or_insert_with(|| Story::load(&folder))
    }

    /// A file changed on disk: re-read what depends on it. Returns whether
    /// anything was loaded from it.
    pub fn changed(&mut self, path: &Path) -> bool {
        let mut touched = false;
        let mut reload = Vec::new();
        for (folder, story) in &mut self.loaded {
            match story {
                Ok(story) if story.depends_on(path) => reload.push(folder.clone()),
                Ok(story) if story.holds(path) => {
                    touched = true;
                    if !story.refresh_article(path) {
                        reload.push(folder.clone());
                    }
                }
                Ok(_) => {}
                // A broken story may be fixed by any change near it.
                Err(_) => reload.push(folder.clone()),
            }
        }
        for folder in reload {
            touched = true;
            let story = Story::load(&folder);
            self.loaded.insert(folder, story);
        }
        touched
    }
}

/// One article as the engine reads it, from text the editor holds: read
/// by its format's reader, as the corpus loader reads a saved file.
fn article(
    shown: String,
    path: &Path,
    file: FileId,
    text: Arc<str>,
    meta: SourceMeta,
    inputs: &corpus::Inputs,
) -> Result<Source, Vec<Diagnostic>> {
    let analysed = corpus::analyse(&text, corpus::Format::of(path), &inputs.furniture);
    let mut errors = Vec::new();
    let source = Source::new(shown, path, file, text, analysed, meta, &mut errors);
    if errors.is_empty() {
        Ok(source)
    } else {
        Err(errors)
    }
}

/// The claims of one article, with `source` 0: extraction runs on a
/// corpus of that article alone.
fn claims_of(rules: &RuleSet, source: Source) -> (Source, Vec<Claim>) {
    let mut alone = Corpus {
        sources: vec![source],
    };
    let claims = extract::extract(rules, &alone);
    let source = alone.sources.pop().expect("the one source put in");
    (source, claims)
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// `path` relative to the working folder when inside it, else absolute.
fn relative_to_working_folder(path: &Path) -> PathBuf {
    let path = absolute(path);
    match std::env::current_dir() {
        Ok(cwd) => match path.strip_prefix(&cwd) {
            Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
            Ok(rest) => rest.to_path_buf(),
            Err(_) => path,
        },
        Err(_) => path,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    let (a, b) = (absolute(a), absolute(b));
    a == b
        || matches!(
            (a.canonicalize(), b.canonicalize()),
            (Ok(x), Ok(y)) if x == y
        )
}
