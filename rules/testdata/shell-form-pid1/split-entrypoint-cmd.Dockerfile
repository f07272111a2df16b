FROM debian:bookworm-slim
ENTRYPOINT ["/bin/sh", "-c"]
# CMD is the script that sh -c runs.
# want: shell-form-pid1
CMD ["cd /srv && ./server --port 8080"]
