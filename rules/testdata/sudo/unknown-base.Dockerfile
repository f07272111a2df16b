# gitpod/workspace-postgres runs as gitpod, which dlint cannot know
# offline: sudo may be needed there. It is reported without the claim
# that the step runs as root, and without a fix.
FROM gitpod/workspace-postgres:2024-01-01
# want: sudo
RUN brew install redis && sudo mkdir -p /var/log/nginx
