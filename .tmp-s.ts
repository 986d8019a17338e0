import { main } from './src/cli/main';
(async () => {
  for (const args of [['check', 'x.xlsx', '--settings', '/tmp/deep.json'], ['check', 'x.xlsx', '--library', '/tmp/deeplib2.json'], ['templates', '--library', '/tmp/deeplib.json']]) {
    let err = '';
    const code = await main(args, { stdout: (t) => (err += 'OUT:' + t), stderr: (t) => (err += t) }).catch((e) => String(e));
    console.log(code, err.slice(0, 300));
  }
})();
