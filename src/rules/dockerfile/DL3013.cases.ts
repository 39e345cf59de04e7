import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4\nRUN pip install MySQL_python==1.2.2\n',
    'FROM python:3.12.4\nRUN pip3 install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12.4\nRUN pip install --requirement requirements.txt\n',
    'FROM python:3.12.4\nRUN pip install .\n',
    "FROM python:3.12.4\nRUN pip install 'alabaster>=0.7' 'b<2' 'c!=1' d~=1.2 e===1\n",
    'FROM python:3.12.4\nRUN pip install mypkg.whl dist/app.tar.gz foo/bar https://foo.bar/baz.zip\n',
    'FROM python:3.12.4\nRUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n',
    'FROM python:3.12.4\nRUN pip install --index-url https://eg.com/foo --extra-index-url https://x/y foobar==1.0.0\n',
    'FROM python:3.12.4\nRUN pip install pykafka -c http://foo.bar.baz\n',
    'FROM python:3.12.4\nRUN python -m pip install example==1.2.2\n',
    'FROM python:3.12.4\nRUN pipenv install black\n',
    'FROM python:3.12.4\nRUN pipx install --python "$(which python)" "poetry==1.8.5"\n',
    { name: 'unknown variable', code: 'FROM python:3.12.4\nRUN pip install $PACKAGES\n' },
    {
      name: 'variable whose value is pinned',
      code: 'FROM python:3.12.4\nARG POETRY=poetry==1.8.5\nRUN pip install "$POETRY"\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4\nRUN pip install MySQL_python\n',
      errors: [{ line: 2, column: 17, endColumn: 29, message: '`MySQL_python`' }]
    },
    {
      name: 'several commands and spellings',
      code: 'FROM python:3.12.4\nRUN pip3 install --root-user-action=ignore a==1 b && python3 -m pip install -U pip\n',
      errors: [
        { line: 2, column: 49, endColumn: 83, message: /pip3 install: `b`.*pip install: `pip`/ }
      ]
    },
    {
      name: 'unversioned VCS URL, pipx, ONBUILD',
      code: 'FROM python:3.12.4\nONBUILD RUN pip install git+ssh://git@github.com/x/y.git#egg=y && pipx install black\n',
      errors: [
        { line: 2, column: 25, endColumn: 85, message: /@<tag or commit>.*pipx install: `black`/ }
      ]
    },
    {
      name: 'a package list in an ENV is checked',
      code: 'FROM python:3.12.4\nENV TOOLS="black==24.4.2 ruff"\nRUN pip install $TOOLS\n',
      errors: [{ line: 3, column: 17, endColumn: 23, message: '`$TOOLS` (`ruff`)' }]
    }
  ]
}
