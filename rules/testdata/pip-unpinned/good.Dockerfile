FROM python:3.13-slim
ARG FLASK_VERSION
RUN pip install --no-cache-dir flask==$FLASK_VERSION 'alabaster>=0.7' MySQL_python~=1.2.2 'x<2' 'y!=1'
RUN pip install --no-cache-dir -r requirements.txt --requirement dev.txt
RUN pip install --no-cache-dir -e . && pip install --no-cache-dir .
RUN pip install --no-cache-dir ./dist/app-1.0-py3-none-any.whl mypkg.tar.gz
RUN pip install --no-cache-dir git+https://github.com/psf/requests@v2.32.3 https://example.com/pkg.zip
RUN pip install --no-cache-dir -c constraints.txt flask gunicorn
RUN pip install --no-cache-dir --prefix /opt/yamllint yamllint==1.20.0
RUN pip install --no-cache-dir git+ssh://git@github.com/rtfd/read-ext.git@v1.0#egg=read-ext
RUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5
RUN pipx install --python "$(which python)" "poetry==1.8.5"
RUN pipenv install black
