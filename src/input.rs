//! Opening an input file (article, rule file, configuration, baseline)
//! safely: only a regular file, or a symlink to one, is read. A named pipe
//! would block `open` until a writer came and a device could stream
//! forever, so both are refused with a message instead of hanging a CI job.
//! Every reader of the project goes through [`read`].

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Why a path cannot be read, in words that name what it is.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let mut file = open(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| crate::corpus::io_reason(&e))?;
    Ok(bytes)
}

/// How the error of [`read_text`] on a file that is not UTF-8 starts.
pub const NOT_UTF8: &str = "not valid UTF-8";

/// Like [`read`], as UTF-8 text; the error gives the offset of the first
/// invalid byte.
pub fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read(path)?).map_err(|e| {
        format!(
            "{NOT_UTF8} (invalid byte at offset {}); factlint reads UTF-8 text only",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Opens `path` without blocking and checks, on the opened file itself,
/// that it is a regular file: no window in which it could be swapped.
fn open(path: &Path) -> Result<File, String> {
    let file = open_nonblocking(path).map_err(|e| reason(path, &e))?;
    let meta = file.metadata().map_err(|e| crate::corpus::io_reason(&e))?;
    match kind(&meta.file_type()) {
        None => Ok(file),
        Some(what) => Err(format!(
            "it is {what}, not a regular file; factlint reads only regular files (or links to them)"
        )),
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a file that is not a regular file is, or `None` for a regular one.
fn kind(t: &std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// An open failure in words; a link that leads nowhere says so.
fn reason(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.kind() == std::io::ErrorKind::NotFound {
        return "it is a symbolic link to nothing (dangling)".into();
    }
    if is_link && e.raw_os_error() == Some(libc_eloop()) {
        return "it is a symbolic link that loops".into();
    }
    crate::corpus::io_reason(e)
}

#[cfg(unix)]
fn libc_eloop() -> i32 {
    libc::ELOOP
}

#[cfg(not(unix))]
fn libc_eloop() -> i32 {
    -1
}

/// Whether `path` names something (a dangling link counts): a file that is
/// optional, like a folder's `sources.toml`, must still be reported when it
/// exists but cannot be read.
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The checks of [`read`] without reading: for paths another module reads.
pub fn check(path: &Path) -> Result<(), String> {
    open(path).map(drop)
}

/// Checks the rule files `paths` names (files, or folders of `.toml` files)
/// before the rule loader reads them: a pipe there would hang it, and one
/// in a folder would be skipped without a word.
pub fn check_rule_paths(paths: &[std::path::PathBuf]) -> Result<(), Vec<crate::files::Diagnostic>> {
    let mut errors = Vec::new();
    let mut refuse = |path: &Path| {
        if let Err(why) = check(path) {
            errors.push(crate::files::error(format!(
                "cannot read rules `{}`: {why}",
                crate::corpus::display(path)
            )));
        }
    };
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let Ok(entries) = std::fs::read_dir(path) else {
                    continue; // the loader reports it
                };
                let mut named: Vec<_> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect();
                named.sort();
                named.iter().for_each(|p| refuse(p));
            }
            Ok(_) => refuse(path),
            Err(_) if exists(path) => refuse(path), // a broken link
            Err(_) => {}                            // the loader reports it
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn special_files_and_broken_links_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(read(&fifo).unwrap_err().contains("named pipe (FIFO)"));
        }
        assert!(read(Path::new("/dev/null"))
            .unwrap_err()
            .contains("a device"));
        assert!(read(dir.path()).unwrap_err().contains("a directory"));
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(read(&dangling).unwrap_err().contains("dangling"));
        let looping = dir.path().join("loop.txt");
        std::os::unix::fs::symlink(&looping, &looping).unwrap();
        assert!(read(&looping).unwrap_err().contains("loops"));
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "text").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(read(&link).unwrap(), b"text");
    }
}
