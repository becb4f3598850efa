//! Writing files so that no reader ever sees half of one: the bytes go to a
//! temporary file in the same folder, which is then renamed into place.
//! Baselines, reports (`--output`) and `init`'s scaffold all go through here.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path`, replacing it if it exists.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    temporary(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to a new file `path`; fails if it exists.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    temporary(path, bytes)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    Ok(())
}

fn temporary(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}
