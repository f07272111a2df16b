FROM rust:1.83
ARG SQLX_VERSION
RUN cargo install ripgrep@14.1.1 --locked
RUN cargo install --locked --version 0.16.2 cargo-deny
RUN cargo install --vers=1.0.0 just
RUN cargo install sqlx-cli@$SQLX_VERSION
RUN cargo install --git https://github.com/example/tool --rev 1a2b3c4
RUN cargo install --git https://github.com/example/tools --tag v1.2.0 tool-a
RUN cargo install --path .
RUN cargo build --release
# Not cargo: text.
RUN echo cargo install ripgrep
