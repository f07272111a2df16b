# This file keeps its ignores unchecked.
# dlint global ignore=unused-ignore
FROM debian:12-slim
# dlint ignore=root-user
USER 10001:10001
CMD ["/usr/local/bin/app"]
