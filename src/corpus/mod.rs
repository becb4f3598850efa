//! The corpus: the articles under review and what is known about them.
//!
//! Articles are read byte for byte and never modified: every span factlint
//! reports must point at the published bytes. Each article is read by the
//! reader of its format (plain text, Markdown, HTML) into *analysed text*:
//! what the rules and the quotation and figure checks read, with markup,
//! page furniture and Unicode variants out of the way, and an
//! [`OffsetMap`] back to the original bytes. What is known about an article
//! but not printed in it (outlet, URL, publication date) comes from a
//! `sources.toml` manifest beside it, or from the page's own metadata
//! (front matter, JSON-LD, meta tags) when the manifest says nothing. The
//! publication date matters: it is what "last year" is resolved against.

mod directives;
pub mod furniture;
mod html;
mod manifest;
mod markdown;
mod normalise;
pub mod offsets;
mod plain;
mod select;

pub use furniture::Furniture;
pub use offsets::OffsetMap;

use crate::files::{self, Diagnostic, FileId, Files};
use crate::value::DateSpan;
use manifest::Manifest;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// File extensions read as articles when walking a folder.
pub const SOURCE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// The manifest's file name, looked for beside each article.
pub const MANIFEST: &str = "sources.toml";

/// How an article's bytes are written, known from its file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format of a file named `path`; anything unknown is plain text.
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// One article.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as shown in reports: relative to where factlint was pointed,
    /// with `/` separators, so output is the same on every machine.
    pub path: String,
    pub file: FileId,
    /// The original bytes: what reports show and every span points into.
    pub text: Arc<str>,
    /// The analysed text (see the module doc). For a plain-text article
    /// without furniture it is the same allocation as `text`.
    pub plain: Arc<str>,
    /// From `plain` offsets to `text` offsets.
    pub map: OffsetMap,
    pub format: Format,
    pub meta: SourceMeta,
    /// `factlint-disable` comments of a Markdown or HTML source.
    pub directives: Vec<Suppression>,
    /// Block quotations (`>` in Markdown, `<blockquote>` in HTML) as
    /// ranges of `plain`: quotations marked by layout, not by quotation
    /// marks.
    pub quotations: Vec<Range<usize>>,
    /// Page furniture left out of `plain`, for `--show-furniture`.
    pub furniture: Vec<furniture::LeftOut>,
}

impl Source {
    /// An article from its bytes and their analysis, with what the
    /// manifest says of it (`meta`), which the page's own metadata
    /// completes; `place` is where it sits in the corpus (its format). The
    /// corpus loader and the language server (for an editor's unsaved
    /// buffer) both make sources here.
    pub fn new(
        shown: String,
        place: &Path,
        file: FileId,
        text: Arc<str>,
        analysed: Analysed,
        mut meta: SourceMeta,
        errors: &mut Vec<Diagnostic>,
    ) -> Source {
        fill_from_page(&mut meta, analysed.page);
        for acc in &mut meta.accept {
            acc.covers = 0..text.len();
        }
        let format = Format::of(place);
        let directives = if format == Format::Text {
            Vec::new()
        } else {
            directives::directives(&text, file, errors)
        };
        Source {
            path: shown,
            file,
            text,
            plain: analysed.plain,
            map: analysed.map,
            format,
            meta,
            directives,
            quotations: analysed.quotations,
            furniture: analysed.furniture,
        }
    }

    /// The analysed words of original span `span`: a claim's words without
    /// markup or entities, for messages.
    pub fn words(&self, span: Range<usize>) -> &str {
        self.plain.get(self.map.to_plain(span)).unwrap_or("")
    }
}

/// What is known about an article beyond its text. Everything is optional:
/// an article without metadata is still linted, only relative dates in it
/// stay unresolved.
#[derive(Clone, Debug, Default)]
pub struct SourceMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The publication date as a span: one day when known exactly, wider
    /// when only approximately known.
    pub published: Option<DateSpan>,
    /// `published` as written in the manifest, for machine output.
    pub published_text: Option<String>,
    /// How the source writes all-numeric dates, when the manifest says.
    pub date_order: Option<crate::value::DateOrder>,
    /// How the source writes numbers ("1.234,5"), when the manifest or the
    /// story says.
    pub number_format: Option<crate::value::NumberFormat>,
    pub note: Option<String>,
    /// From the page's own metadata; not compared, shown to help tell
    /// sources apart.
    pub author: Option<String>,
    pub headline: Option<String>,
    /// Reviewed discrepancies: findings on these facts are acknowledged.
    pub accept: Vec<Suppression>,
}

/// What a page says about itself (front matter, JSON-LD, meta tags).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    pub headline: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// As written; only its date part (YYYY-MM-DD) is read.
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A reviewed discrepancy: findings on `fact` (or every fact, for `all`)
/// whose primary label falls in `covers` of the source are acknowledged and
/// not reported. Comes from a manifest `accept` entry (covering the whole
/// source) or a `factlint-disable` comment in a Markdown source.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    pub fact: String,
    pub reason: String,
    /// Where the acknowledgement is written (the manifest or the source),
    /// for the report when it matches nothing.
    pub file: FileId,
    pub span: Range<usize>,
    /// The bytes of the source it covers.
    pub covers: Range<usize>,
    /// The value it accepts, as written; `None` accepts any value.
    pub value: Option<String>,
}

/// Which files are articles and how they are read: `[inputs]` of
/// factlint.toml and the command line.
#[derive(Clone, Debug)]
pub struct Inputs {
    /// Globs an article found in a folder must match (all, when empty).
    pub include: Vec<String>,
    /// Globs of files and folders not to read when walking folders.
    pub exclude: Vec<String>,
    pub furniture: Furniture,
    /// The name (and place in the corpus) of the article read from
    /// standard input when a path is `-`.
    pub stdin_filename: Option<PathBuf>,
    /// Articles larger than this are refused ([`DEFAULT_MAX_ARTICLE_BYTES`]
    /// unless configured).
    pub max_article_bytes: u64,
}

impl Default for Inputs {
    fn default() -> Inputs {
        Inputs {
            include: Vec::new(),
            exclude: Vec::new(),
            furniture: Furniture::default(),
            stdin_filename: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// All articles of one run, sorted by path.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
}

/// An article's bytes, before analysis.
struct Read {
    shown: String,
    /// Where it sits in the corpus (for stdin: where `--stdin-filename`
    /// puts it), for its manifest and its format.
    place: PathBuf,
    text: Arc<str>,
}

impl Corpus {
    /// Reads every article named by `paths` with the default inputs.
    pub fn load(paths: &[PathBuf], files: &mut Files) -> Result<Corpus, Vec<Diagnostic>> {
        Corpus::load_with(paths, &Inputs::default(), files)
    }

    /// Reads every article named by `paths` (files, `-` for standard input,
    /// or folders walked for articles; see [`select`]) and their manifests.
    ///
    /// Every problem is collected, not just the first, so a user fixes them
    /// all in one go; any problem means no corpus, since a lint of part of
    /// the articles would pass silently over the rest.
    pub fn load_with(
        paths: &[PathBuf],
        inputs: &Inputs,
        files: &mut Files,
    ) -> Result<Corpus, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let found = select::articles(paths, inputs, &mut errors);
        let mut read = Vec::new();
        for (shown, origin) in found {
            let (place, text) = match origin {
                select::Origin::File(path) => {
                    (path.clone(), read_article(&path, inputs.max_article_bytes))
                }
                select::Origin::Stdin(place) => (place, read_stdin(&shown)),
            };
            match text {
                Ok(text) => read.push(Read { shown, place, text }),
                Err(e) => errors.push(e),
            }
        }
        let analysed: Vec<Analysed> = read
            .par_iter()
            .map(|r| analyse(&r.text, Format::of(&r.place), &inputs.furniture))
            .collect();

        let mut manifests: BTreeMap<PathBuf, Option<Manifest>> = BTreeMap::new();
        let mut sources = Vec::new();
        for (r, a) in read.into_iter().zip(analysed) {
            let dir = r.place.parent().map(Path::to_path_buf).unwrap_or_default();
            let manifest = manifests
                .entry(dir.clone())
                .or_insert_with(|| Manifest::load(&dir, files, &mut errors));
            let name = r
                .place
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let meta = manifest
                .as_mut()
                .and_then(|m| m.take(&name))
                .unwrap_or_default();
            let file = files.add(r.shown.clone(), r.text.clone());
            sources.push(Source::new(
                r.shown,
                &r.place,
                file,
                r.text,
                a,
                meta,
                &mut errors,
            ));
        }
        for manifest in manifests.values().flatten() {
            manifest.check_all_used(&mut errors);
        }
        if sources.is_empty() && errors.is_empty() {
            let shown: Vec<String> = paths.iter().map(|p| format!("`{}`", display(p))).collect();
            errors.push(files::error(format!(
                "no articles found in {}: factlint reads .txt, .md, .markdown, .html and .htm files (README*, CHANGELOG*, LICENSE*, docs/ and rules/ only when named)",
                shown.join(", ")
            )));
        }
        if errors.is_empty() {
            Ok(Corpus { sources })
        } else {
            Err(errors)
        }
    }
}

impl Corpus {
    /// A corpus of plain texts held in memory, with no metadata: for
    /// benchmarks and tests of the rule-free checks.
    pub fn from_texts(files: &mut Files, texts: Vec<(String, String)>) -> Corpus {
        let sources = texts
            .into_iter()
            .map(|(path, text)| {
                let text: Arc<str> = text.into();
                let file = files.add(path.clone(), text.clone());
                Source {
                    path,
                    file,
                    plain: text.clone(),
                    text,
                    map: OffsetMap::identity(),
                    format: Format::Text,
                    meta: SourceMeta::default(),
                    directives: Vec::new(),
                    quotations: Vec::new(),
                    furniture: Vec::new(),
                }
            })
            .collect();
        Corpus { sources }
    }
}

/// What analysis makes of an article's text.
pub struct Analysed {
    pub plain: Arc<str>,
    pub map: OffsetMap,
    pub page: PageMeta,
    /// Ranges of `plain`.
    pub quotations: Vec<Range<usize>>,
    pub furniture: Vec<furniture::LeftOut>,
}

/// What one reader gives: analysed text (`None`: the text itself) and its
/// map, the page's metadata and its block quotations (ranges of the
/// analysed text).
#[derive(Default)]
struct Reading {
    plain: Option<String>,
    map: OffsetMap,
    page: PageMeta,
    quotations: Vec<Range<usize>>,
}

impl Reading {
    /// A reader's result from its builder.
    fn built(out: offsets::Builder, page: PageMeta, quotations: Quotations) -> Reading {
        let (plain, map) = out.finish();
        Reading {
            plain: Some(plain),
            map,
            page,
            quotations: quotations.done,
        }
    }
}

/// Block quotations as a reader meets them: opened and closed around the
/// analysed text they hold.
#[derive(Default)]
struct Quotations {
    open: Vec<usize>,
    done: Vec<Range<usize>>,
}

impl Quotations {
    /// A block quotation starts at original offset `at`.
    fn open(&mut self, out: &mut offsets::Builder, at: usize) {
        out.end_block(at);
        self.open.push(out.text().len());
    }

    /// The innermost open block quotation ends at original offset `at`.
    fn close(&mut self, out: &mut offsets::Builder, at: usize) {
        if let Some(start) = self.open.pop() {
            let end = out.text().trim_end().len();
            if end > start {
                self.done.push(start..end);
            }
        }
        out.end_block(at);
    }
}

/// Reads `text` as `format`, then folds Unicode variants and leaves out
/// page furniture. Never fails: a reader makes the best of any input.
pub fn analyse(text: &Arc<str>, format: Format, furniture: &Furniture) -> Analysed {
    let reading = match format {
        Format::Text => plain::read(text),
        Format::Markdown => markdown::read(text),
        Format::Html => html::read(text),
    };
    let base: &str = reading.plain.as_deref().unwrap_or(text);
    let edits = normalise::edits(base);
    let folded = (!edits.is_empty()).then(|| offsets::rewrite(base, &reading.map, &edits));
    let (text1, map1) = match &folded {
        Some((t, m)) => (t.as_str(), m),
        None => (base, &reading.map),
    };
    let (edits, left_out) = furniture.edits(text1);
    let left_out = left_out
        .into_iter()
        .map(|l| furniture::LeftOut {
            span: map1.to_original(l.span),
            why: l.why,
        })
        .collect();
    let reader_map = &reading.map;
    let (plain, map): (Arc<str>, OffsetMap) = if !edits.is_empty() {
        let (t, m) = offsets::rewrite(text1, map1, &edits);
        (t.into(), m)
    } else if let Some((t, m)) = folded {
        (t.into(), m)
    } else if let Some(t) = reading.plain {
        (t.into(), reading.map.clone())
    } else {
        (text.clone(), OffsetMap::identity())
    };
    // Quotations were found in the reader's text; carry them over.
    let quotations = reading
        .quotations
        .iter()
        .map(|q| map.to_plain(reader_map.to_original(q.clone())))
        .filter(|q| !q.is_empty())
        .collect();
    Analysed {
        plain,
        map,
        page: reading.page,
        quotations,
        furniture: left_out,
    }
}

/// Fills what the manifest leaves unsaid from the page's own metadata: the
/// manifest is the editor's word and wins.
fn fill_from_page(meta: &mut SourceMeta, page: PageMeta) {
    if meta.outlet.is_none() {
        meta.outlet = page.outlet;
    }
    if meta.url.is_none() {
        meta.url = page.url;
    }
    meta.author = meta.author.take().or(page.author);
    meta.headline = meta.headline.take().or(page.headline);
    if meta.published.is_none() {
        let date = page
            .published
            .as_deref()
            .and_then(|p| p.get(..10).or(Some(p)))
            .and_then(|d| DateSpan::parse_iso(d).ok());
        if let Some(d) = date {
            meta.published = Some(d);
            meta.published_text = page.published;
        }
    }
}

/// Reads an article file: the one place article bytes come from disk.
/// Only a regular file (or a link to one) under `max_bytes` is read.
fn read_article(path: &Path, max_bytes: u64) -> Result<Arc<str>, Diagnostic> {
    within_limit(path, max_bytes)?;
    let bytes = crate::input::read(path)
        .map_err(|why| files::error(format!("cannot read `{}`: {why}", display(path))))?;
    decode(bytes, &display(path), Format::of(path))
}

/// The largest article read unless configured otherwise (`max_article_bytes`
/// in factlint.toml, `--max-article-bytes`): far above any real article, and
/// low enough that a log or a dump passed by mistake is refused at once
/// rather than checked for minutes.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 10_000_000;

/// An error naming `path` when it is larger than `max_bytes`.
fn within_limit(path: &Path, max_bytes: u64) -> Result<(), Diagnostic> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size <= max_bytes {
        return Ok(());
    }
    Err(files::error(format!(
        "`{}` is {size} bytes, over the limit of {max_bytes} bytes for one article: split it, or raise the limit with `max_article_bytes` in {} or --max-article-bytes",
        display(path),
        crate::config::CONFIG_FILE
    )))
}

/// Reads the article given on standard input, shown as `shown`.
fn read_stdin(shown: &str) -> Result<Arc<str>, Diagnostic> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| {
        files::error(format!(
            "cannot read `{shown}` from standard input: {}",
            io_reason(&e)
        ))
    })?;
    decode(bytes, shown, Format::of(Path::new(shown)))
}

/// A UTF-8 text file, as read by the manifest loader.
fn read_text(path: &Path) -> Result<Arc<str>, Diagnostic> {
    read_article(path, u64::MAX)
}

/// Article bytes as text. factlint reads UTF-8; a page declaring another
/// encoding is refused with that encoding named, so the user knows what to
/// convert from.
fn decode(bytes: Vec<u8>, shown: &str, format: Format) -> Result<Arc<str>, Diagnostic> {
    String::from_utf8(bytes).map(Arc::from).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let declared = (format == Format::Html)
            .then(|| html::declared_encoding(e.as_bytes()))
            .flatten();
        match declared {
            Some(name) => files::error(format!(
                "`{shown}` is encoded as {name} (declared by its charset), not UTF-8; factlint reads UTF-8 only: convert it first, e.g. `iconv -f {name} -t UTF-8`"
            )),
            None => files::error(format!(
                "`{shown}` is not valid UTF-8 (invalid byte at offset {at}); factlint reads UTF-8 text only"
            )),
        }
    })
}

/// A path as shown to the user: as given, with `/` separators and no `./`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace("//", "/")
}

/// An I/O error in words, without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(at) => s[..at].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every range of the analysed text maps to a range of the original
    /// that is in bounds and on character boundaries (so no report can
    /// panic slicing it), whatever the input.
    #[test]
    fn every_mapped_range_is_a_valid_slice_of_the_original() {
        let odd = [
            (
                Format::Html,
                "<p>caf&eacute; &#x1F600; &bogus; &amp</p><p>a<b>é</b>ß",
            ),
            (
                Format::Html,
                "<article><p>x</article></p><script>“</script>ü",
            ),
            (Format::Html, "<<>>&&#;<!-- é --><p>ẞ\u{301}\u{a0}\u{ad}x"),
            (
                Format::Markdown,
                "---\ntitle: é\n---\n> **ü** [a](b) `c`\n\\* e\u{301} &amp;\n",
            ),
            (Format::Markdown, "* [x\n\n```\né\n"),
            (Format::Text, "Related Stories\ncafe\u{301}\u{a0}$5\n"),
        ];
        for (format, text) in odd {
            let text: Arc<str> = text.into();
            let a = analyse(&text, format, &Furniture::default());
            let bounds: Vec<usize> = a
                .plain
                .char_indices()
                .map(|(i, _)| i)
                .chain([a.plain.len()])
                .collect();
            for &s in &bounds {
                for &e in bounds.iter().filter(|&&e| e >= s) {
                    let r = a.map.to_original(s..e);
                    assert!(
                        text.get(r.clone()).is_some(),
                        "{format:?} {text:?}: {s}..{e} -> {r:?}"
                    );
                    let back = a.map.to_plain(r);
                    assert!(a.plain.get(back).is_some());
                }
            }
        }
    }

    #[test]
    fn plain_text_without_furniture_shares_its_text() {
        let text: Arc<str> = "Just prose, $5 million of it.\n".into();
        let a = analyse(&text, Format::Text, &Furniture::default());
        assert!(Arc::ptr_eq(&a.plain, &text));
        assert!(a.map.is_identity());
    }
}
