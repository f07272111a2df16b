FROM debian:12-slim
RUN curl -fsSL https://example.com/a -o /a && curl -fsSL https://example.com/b -o /b
# want: curl-and-wget
RUN wget -q https://example.com/c
FROM debian:12-slim AS base
RUN wget -q https://example.com/d
FROM base
RUN wget -q https://example.com/e
# want: curl-and-wget
RUN curl -fsSL https://example.com/f -o /f
