FROM nginx:1.27
# want: expose-invalid
EXPOSE 8080:80
# want: expose-invalid expose-invalid
EXPOSE 443/https 70000
# want: expose-invalid
EXPOSE 127.0.0.1:80:80
# want: expose-invalid expose-invalid
EXPOSE 0 http
# want: expose-invalid
EXPOSE 9000-8000/udp
