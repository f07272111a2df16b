FROM rockylinux:8
RUN <<EOS
set -e
groupadd --gid 1000000 svc
# want: useradd-large-uid
useradd --gid svc --uid 1000000 --shell /sbin/nologin svc
EOS
