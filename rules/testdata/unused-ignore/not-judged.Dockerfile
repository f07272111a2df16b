FROM debian:12-slim
# Codes dlint does not know (hadolint's, ShellCheck's, BuildKit's) are left to
# their tools, and a rule that did not run cannot be judged.
# hadolint ignore=DL3008,SC2086
RUN apt-get update && apt-get install -y curl
# check=skip=StageNameCasing
RUN useradd --uid 10001 app
# dlint ignore=exposed-port-not-published
EXPOSE 8080
# Heredoc bodies and continuation lines are not ignore comments.
RUN <<EOT
# dlint ignore=root-user
echo hello
EOT
USER 10001:10001
CMD ["/usr/local/bin/app"]
