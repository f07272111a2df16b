FROM debian:12-slim
SHELL ["/bin/bash", "-c"]
RUN ln -sf /bin/true /sbin/initctl
RUN ln -s foo bar && something_with /bin/sh
RUN ln /bin/bash /usr/local/bin/sh
RUN ln -s /bin/bash /bin/sh.bak
