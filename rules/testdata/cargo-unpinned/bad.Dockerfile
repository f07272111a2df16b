FROM rust:1.83
ARG TOOLS="cargo-audit cargo-deny@0.16.2"
# want: cargo-unpinned
RUN cargo install ripgrep
# --locked holds the crate's dependencies, not the crate.
# want: cargo-unpinned
RUN cargo install --locked fd-find@
# want: cargo-unpinned
RUN cargo install --locked $TOOLS
# A git branch moves.
# want: cargo-unpinned
RUN cargo install --git https://github.com/example/tool --branch main
# want: cargo-unpinned
RUN cargo install --git=https://github.com/example/tools tool-a
