FROM node:22 AS build
RUN npm ci
# want: duplicate-stage-name
FROM golang:1.23 AS BUILD
RUN go build ./...
