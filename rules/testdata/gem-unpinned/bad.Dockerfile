FROM ruby:3.3-slim
ARG GEMS="bundler:2.5.22 rake"
# want: gem-unpinned
RUN gem install $GEMS
# want: gem-unpinned
RUN --mount=type=cache,target=/usr/local/bundle/cache gem i \
      bunlder:1 \
      nokogiri
