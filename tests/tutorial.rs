//! The tutorial in docs/rules.md, followed literally: every file block is
//! written where it says, every `factlint` command in a shell block is run
//! where the tutorial has `cd`-ed to, and every output block must be exactly
//! what the command before it printed.

mod common;
use common::*;
use std::path::PathBuf;

#[test]
fn the_tutorial_works_as_written() {
    let doc = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    let tutorial = doc
        .split("## Tutorial")
        .nth(1)
        .expect("a tutorial section")
        .split("\n## ")
        .next()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut cwd: PathBuf = dir.path().to_path_buf();
    let mut marker: Option<String> = None;
    let mut last_output: Option<String> = None;
    let (mut files, mut commands, mut outputs) = (0, 0, 0);
    let mut lines = tutorial.lines();
    while let Some(line) = lines.next() {
        if let Some(m) = line
            .strip_prefix("<!-- ")
            .and_then(|l| l.strip_suffix(" -->"))
        {
            marker = Some(m.to_string());
            continue;
        }
        let Some(lang) = line.strip_prefix("```") else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let body = body.join("\n") + "\n";
        match (marker.take(), lang) {
            (Some(m), _) if m.starts_with("file: ") => {
                let path = dir.path().join(&m["file: ".len()..]);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, &body).unwrap();
                files += 1;
            }
            (Some(m), _) if m == "output" => {
                let got = last_output
                    .take()
                    .expect("an output block follows a command");
                assert_eq!(
                    got.trim_end(),
                    body.trim_end(),
                    "the tutorial's output differs from what factlint prints"
                );
                outputs += 1;
            }
            (_, "sh") => {
                for command in body.lines() {
                    if let Some(to) = command.strip_prefix("cd ") {
                        cwd = cwd.join(to);
                    } else if let Some(args) = command.strip_prefix("factlint ") {
                        let args: Vec<&str> = args.split_whitespace().collect();
                        let out = run_in(&cwd, &args);
                        assert_ne!(code(&out), 2, "`{command}` failed: {}", stderr(&out));
                        last_output = Some(stdout(&out));
                        commands += 1;
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        files >= 5 && commands >= 4 && outputs >= 3,
        "{files} files, {commands} commands, {outputs} outputs"
    );
}
