# `bash -c` on Debian bookworm (bash 5.2) execs its plain last command.
FROM debian:bookworm-slim
ENTRYPOINT ["bash", "-c", "./migrate && exec_me=1 ./server"]
