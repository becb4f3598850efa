//! Writing files so that no reader ever sees half of one: the bytes go to a
//! temporary file in the same folder, which is then renamed into place.
//! Baselines, reports (`--output`) and `init`'s scaffold all go through here.
//!
//! A destination is written the way a user expects of a shell redirection:
//! through a symlink (the link stays), keeping an existing file's mode, and
//! straight into a pipe or a device, which cannot be renamed over. Temporary
//! files carry [`TEMP_PREFIX`] so a leftover is recognisable, and the binary
//! removes them when interrupted ([`remove_pending`]).

use crate::files::Files;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How every temporary file's name starts.
pub const TEMP_PREFIX: &str = ".factlint-tmp-";

/// Temporary files not yet renamed into place.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Writes `bytes` to `path`, replacing it if it exists.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        // A pipe or a device (`/dev/stdout`): written as it is.
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let mut out = std::fs::OpenOptions::new().write(true).open(path)?;
            out.write_all(bytes).and_then(|()| out.flush())
        }
        // An existing file, through any links to it, keeping its mode.
        Ok(m) => {
            let target = std::fs::canonicalize(path)?;
            let tmp = Pending::new(&target, bytes)?;
            tmp.file.as_file().set_permissions(m.permissions())?;
            tmp.persist(&target, true)
        }
        // A new file, or one a dangling link names.
        Err(_) => {
            let target = through_links(path)?;
            Pending::new(&target, bytes)?.persist(&target, true)
        }
    }
}

/// Writes `bytes` to a new file `path`; fails if it exists.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    Pending::new(path, bytes)?.persist(path, false)
}

/// Removes the temporary files of writes under way: for a signal handler,
/// so that an interrupted run leaves nothing behind.
pub fn remove_pending() {
    if let Ok(pending) = PENDING.lock() {
        for path in pending.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Why `path` must not be written by a run that read `files` from the
/// corpus folders `roots`: it is one of the run's inputs (an article, a rule
/// file, a manifest, the configuration), or it would be read as an article
/// by the next run.
pub fn refusal(path: &Path, files: &Files, roots: &[PathBuf]) -> Option<String> {
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => canonical_destination(&through_links(path).ok()?)?,
    };
    let inputs = (0..).map_while(|id| files.codespan().get(id).ok());
    for input in inputs {
        if std::fs::canonicalize(input.name()).is_ok_and(|p| p == real) {
            return Some(format!(
                "it is `{}`, an input of this run; factlint never overwrites its inputs",
                input.name()
            ));
        }
    }
    let ext = real.extension().and_then(|x| x.to_str()).unwrap_or("");
    if crate::corpus::SOURCE_EXTENSIONS.contains(&ext) {
        for root in roots {
            let Ok(root) = std::fs::canonicalize(root) else {
                continue;
            };
            if root.is_dir() && real.starts_with(&root) {
                return Some(format!(
                    "it is in the corpus folder `{}` with an article's extension, so the next run would read it as an article; write it elsewhere or under another extension",
                    crate::corpus::display(&root)
                ));
            }
        }
    }
    None
}

/// The real path a new file `path` would have: its folder resolved.
fn canonical_destination(path: &Path) -> Option<PathBuf> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = std::fs::canonicalize(dir.unwrap_or(Path::new("."))).ok()?;
    Some(dir.join(path.file_name()?))
}

/// The file a chain of symlinks at `path` leads to (or would create), so a
/// write replaces the file and leaves the links alone.
fn through_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) => dir.join(next),
                    None => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// A temporary file beside its destination, registered for removal on a
/// signal until it is renamed into place or dropped (which deletes it).
struct Pending {
    file: tempfile::NamedTempFile,
}

impl Pending {
    fn new(path: &Path, bytes: &[u8]) -> std::io::Result<Pending> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX);
        // A new file gets 0666 less the umask, as a shell redirection would,
        // not tempfile's private 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder.tempfile_in(dir)?;
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(file.path().to_path_buf());
        }
        let mut pending = Pending { file };
        pending.file.write_all(bytes)?;
        pending.file.as_file().sync_all()?;
        Ok(pending)
    }

    fn persist(self, path: &Path, overwrite: bool) -> std::io::Result<()> {
        let temp = self.file.path().to_path_buf();
        let result = if overwrite {
            self.file.persist(path).map(drop).map_err(|e| e.error)
        } else {
            self.file
                .persist_noclobber(path)
                .map(drop)
                .map_err(|e| e.error)
        };
        if let Ok(mut pending) = PENDING.lock() {
            pending.retain(|p| *p != temp);
        }
        result
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_replaced_file_keeps_its_mode_and_its_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("report.txt");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("report.txt", &link).unwrap();
        replace(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert_eq!(mode(&real), 0o640);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary file is left");
    }

    #[test]
    fn a_new_file_is_readable_by_others_under_the_usual_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        replace(&path, b"{}").unwrap();
        // 0666 less the umask: at least the owner's read and write, and
        // never tempfile's owner-only 0600 unless the umask asks for it.
        // SAFETY: umask only swaps the process's mask; it is put back at once.
        let umask = unsafe {
            let umask = libc::umask(0o022);
            libc::umask(umask);
            umask
        };
        assert_eq!(mode(&path), 0o666 & !(umask as u32));
    }

    #[test]
    fn an_interrupted_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let pending = Pending::new(&dir.path().join("out.json"), b"{}").unwrap();
        let temp = pending.file.path().to_path_buf();
        assert!(temp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(TEMP_PREFIX));
        assert!(temp.exists());
        remove_pending(); // what the signal handler does
        assert!(!temp.exists());
        std::mem::forget(pending); // as the process would exit here
    }

    #[test]
    fn a_device_is_written_directly() {
        replace(Path::new("/dev/null"), b"bytes").unwrap();
        assert!(Path::new("/dev/null").exists());
    }
}
