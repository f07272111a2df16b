FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx vim \
# want: unusable-in-build
 && systemctl start nginx
# want: unusable-in-build
RUN service nginx start
# want: unusable-in-build
RUN vim /etc/nginx/nginx.conf
# want: unusable-in-build
RUN top
# want: unusable-in-build
RUN echo done && shutdown -h now
RUN <<EOS
set -e
# want: unusable-in-build
nano /etc/hosts
EOS
