# A lone simple command is exec'd by bash 4 as well.
FROM registry.access.redhat.com/ubi8/ubi:8.10
CMD ./server --port 8080
