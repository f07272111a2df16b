FROM ruby:3.3-slim
ARG BUNDLER_VERSION
RUN gem install bundler:$BUNDLER_VERSION
RUN gem install bundler -v '2.0.1' && gem install rails --version=7.1.0
RUN gem install bundler:2.0.1 -- --use-system-libraries=true
RUN gem install ./vendor/mygem-1.0.gem
RUN gem update --system
