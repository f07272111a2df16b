# want: from-as-casing
FROM golang:1.23 as build
RUN go build -o /out/app .
# want: from-as-casing
from alpine:3.20 AS runtime
COPY --from=build /out/app /app
