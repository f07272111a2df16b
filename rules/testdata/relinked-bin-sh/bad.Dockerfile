FROM debian:12-slim
# want: relinked-bin-sh
RUN ln -sfv /bin/bash /bin/sh
RUN apt-get update \
# want: relinked-bin-sh
 && ln -s -f /usr/bin/zsh /usr/bin/sh
# want: relinked-bin-sh
RUN rm /bin/sh && ln --symbolic /bin/bash /bin/sh
