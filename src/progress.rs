//! The progress bar of long runs (hundreds of articles take seconds): on
//! stderr, and only when the binary decided a person is watching — a
//! terminal, and a human format. Machine formats, files and pipes never get
//! one.

use factlint::Stage;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Duration;

pub struct Bar(ProgressBar);

impl Bar {
    pub fn start() -> Bar {
        let bar =
            ProgressBar::with_draw_target(Some(Stage::COUNT as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} [{bar:20}] {pos}/{len} {msg}") {
            bar.set_style(style.progress_chars("=> "));
        }
        // The spinner keeps moving while one long stage (extraction) runs.
        bar.enable_steady_tick(Duration::from_millis(120));
        Bar(bar)
    }

    pub fn stage(&self, stage: Stage) {
        self.0.set_position(stage as u64);
        self.0.set_message(stage.describe());
    }

    /// Erases the bar before the report is printed.
    pub fn finish(self) {
        self.0.finish_and_clear();
    }
}
