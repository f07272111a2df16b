# discourse/ruby is not in the catalogue, but this stage installs packages
# and adds a user without sudo: it runs as root, and `sudo -u` switches.
FROM discourse/ruby:3.3.6-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo git \
 && useradd --uid 1000 -m discourse
# want: sudo
RUN sudo -u discourse git clone https://github.com/discourse/discourse.git /var/www/discourse
# want: sudo
RUN sudo apt-get install -y curl
