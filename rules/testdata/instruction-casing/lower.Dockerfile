# escape=`
arg BASE=alpine:3.20
from ${BASE}
run <<EOF
echo hi
EOF
# want: instruction-casing
RUN echo a `
    b
cmd ["sh"]
