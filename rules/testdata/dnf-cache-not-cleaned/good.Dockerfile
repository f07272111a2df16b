FROM fedora:41
RUN dnf install -y httpd && dnf clean all
RUN microdnf install -y git && microdnf clean all
RUN --mount=type=cache,target=/var/cache/dnf dnf install -y git
RUN dnf install -y git && rm -rf /var/cache/dnf/*
RUN dnf install -y git && yum clean all
# Removing the directory above the cache removes it too.
RUN dnf install -y fluent-bit && rm -rf /var/cache
