FROM debian:12-slim
RUN useradd --uid 10001 app
# Under root, `sudo -u app` switches to app for one command (an info, no
# fix: removing sudo would run the command as root).
# want: sudo
RUN sudo -u app git clone https://example.com/repo.git /home/app/repo
# want: sudo
RUN sudo -E -u app npm ci \
# want: sudo
 && sudo --user=app npm run build \
# want: sudo
 && sudo -Hu app make
# -u root is no switch: the command runs as root either way.
# want: sudo
RUN sudo -u root apt-get update
# -g switches group: `sudo -g app` is a switch too.
# want: sudo
RUN sudo -g app id
USER 10001:10001
# As app, sudo -u escalates through sudoers again: a warning.
# want: sudo
RUN sudo -u postgres psql -c 'select 1'

FROM debian:12-slim AS clustered
RUN useradd --uid 10001 app
# The value of -u may be glued to it; sudo's options end at the command.
# want: sudo
RUN sudo -uapp -p '' make install
# want: sudo
RUN sudo git -u root status
