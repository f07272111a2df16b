# The UID and GID come from ARGs: the advice names them, not 10001.
FROM debian:12-slim
ARG user=jenkins
ARG uid=1000
ARG gid=1000
RUN groupadd -g ${gid} ${user} && useradd -m -u ${uid} -g ${gid} ${user}
# want: numeric-user
USER ${user}
