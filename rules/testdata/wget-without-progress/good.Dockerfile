FROM debian:12-slim
RUN wget --progress=dot:giga https://example.com/a
RUN wget -q https://example.com/b && wget -qO- https://example.com/c | sh
RUN wget -nv https://example.com/d && wget --no-verbose https://example.com/e
RUN wget -o /dev/null https://example.com/f && wget --quiet https://example.com/g
RUN echo wget https://example.com/h
FROM alpine:3.20
# BusyBox wget has no dot progress and no --progress
RUN wget https://example.com/i
