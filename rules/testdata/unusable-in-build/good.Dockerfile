FROM debian:12-slim
RUN apt-get install ssh vim
RUN systemctl enable nginx && systemctl --root=/ start nginx
RUN service mysql start && mysql -e 'create database app' && service mysql stop
RUN vim -es -c '%s/a/b/g' -c wq /etc/x && vi +wq /etc/y
RUN top -b -n 1 && ps aux && free -m && kill -0 1 || true
RUN emacs --batch -l build.el
RUN echo shutdown && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts
