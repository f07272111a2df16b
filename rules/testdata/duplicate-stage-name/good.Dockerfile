FROM node:22 AS web-build
FROM golang:1.23 AS api-build
FROM web-build
FROM alpine:3.20
