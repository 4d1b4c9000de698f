/** `kc-model help [COMMAND]`: the usage of kc-model, or of one command. */
import type { Command } from '../command';
import { quote, UsageError } from '../errors';
import { commandHelp, generalHelp } from '../help';
import { didYouMean } from '../suggest';

/** `kc-model help [COMMAND]`. */
export const helpCommand: Command = {
  name: 'help',
  summary: 'Help on kc-model, or on one command: kc-model help COMMAND',
  usage: '[COMMAND]',
  description: 'Prints the usage of kc-model, or of one command with its options and examples.',
  options: [],
  arguments: 1,
  examples: ['kc-model help', 'kc-model help xlsx'],
  run({ invocation, stdout, commands }) {
    const [name] = invocation.args;
    if (name === undefined) {
      stdout.write(generalHelp(commands));
      return;
    }
    const command = commands.find((c) => c.name === name);
    if (!command)
      throw new UsageError(
        `No help on ${quote(name)}: not a command.${didYouMean(
          name,
          commands.map((c) => c.name),
        )} Commands: ${commands.map((c) => c.name).join(', ')}.`,
      );
    stdout.write(commandHelp(command));
  },
};
