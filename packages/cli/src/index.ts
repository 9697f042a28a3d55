process.stdout.write('pulse: no command yet\n');
