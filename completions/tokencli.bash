# tokencli shell completion. Generated from the command tree by `npm run completions`: do not edit.
# Install: source <(tokencli completion bash), or copy to /etc/bash_completion.d/tokencli

_tokencli_subcommands() {
  case "$1" in
    '') echo 'run chat logs login logout profiles plans plan payment statement invoice balance quota budget usage models alias template config serve auth completion help' ;;
    'run') echo '' ;;
    'chat') echo '' ;;
    'logs') echo 'show rm' ;;
    'logs show') echo '' ;;
    'logs rm') echo '' ;;
    'login') echo '' ;;
    'logout') echo '' ;;
    'profiles') echo 'use rm rename' ;;
    'profiles use') echo '' ;;
    'profiles rm') echo '' ;;
    'profiles rename') echo '' ;;
    'plans') echo '' ;;
    'plan') echo 'purchase subscribe upgrade cancel renew' ;;
    'plan purchase') echo '' ;;
    'plan subscribe') echo '' ;;
    'plan upgrade') echo '' ;;
    'plan cancel') echo '' ;;
    'plan renew') echo '' ;;
    'payment') echo 'show confirm cancel' ;;
    'payment show') echo '' ;;
    'payment confirm') echo '' ;;
    'payment cancel') echo '' ;;
    'statement') echo '' ;;
    'invoice') echo 'request list' ;;
    'invoice request') echo '' ;;
    'invoice list') echo '' ;;
    'balance') echo '' ;;
    'quota') echo '' ;;
    'budget') echo 'set window status rm' ;;
    'budget set') echo '' ;;
    'budget window') echo '' ;;
    'budget status') echo '' ;;
    'budget rm') echo '' ;;
    'usage') echo '' ;;
    'models') echo '' ;;
    'alias') echo 'set rm' ;;
    'alias set') echo '' ;;
    'alias rm') echo '' ;;
    'template') echo 'set show rm' ;;
    'template set') echo '' ;;
    'template show') echo '' ;;
    'template rm') echo '' ;;
    'config') echo 'get set unset list' ;;
    'config get') echo '' ;;
    'config set') echo '' ;;
    'config unset') echo '' ;;
    'config list') echo '' ;;
    'serve') echo 'keys' ;;
    'serve keys') echo 'create' ;;
    'serve keys create') echo '' ;;
    'auth') echo 'status login logout switch token keys' ;;
    'auth status') echo '' ;;
    'auth login') echo '' ;;
    'auth logout') echo '' ;;
    'auth switch') echo '' ;;
    'auth token') echo '' ;;
    'auth keys') echo 'list revoke' ;;
    'auth keys list') echo '' ;;
    'auth keys revoke') echo '' ;;
    'completion') echo '' ;;
    'help') echo '' ;;
  esac
}

_tokencli_flags() {
  case "$1" in
    '') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'run') echo '-m --model -s --system -f --file --max-tokens --temperature --no-stream --usage --dry-run --force --raw -n --no-stdin -o --output -t --template -p --param -c --continue --cid -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'chat') echo '-m --model -s --system --max-tokens --temperature --cid --raw -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'logs') echo '-n --count --search --last --all-profiles --raw -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'logs show') echo '--raw -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'logs rm') echo '--all -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'login') echo '--provider --with-token --force --web --no-browser -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'logout') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'profiles') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'profiles use') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'profiles rm') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'profiles rename') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plans') echo '--kind -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan purchase') echo '--quantity -y --yes --web --pay --no-wait -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan subscribe') echo '-y --yes --pay --no-wait -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan upgrade') echo '-y --yes -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan cancel') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'plan renew') echo '--on --off -y --yes -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'payment') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'payment show') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'payment confirm') echo '--code -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'payment cancel') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'statement') echo '--month -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'invoice') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'invoice request') echo '--month --order --title --tax-id -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'invoice list') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'balance') echo '--min --offline --all -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'quota') echo '--line --offline --all -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'budget') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'budget set') echo '--period --tokens --amount --warn --hard --alert-command -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'budget window') echo '--warn --alert-command -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'budget status') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'budget rm') echo '--period --window -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'usage') echo '--since --until --by --csv --server --reconcile -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'models') echo '--details -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'alias') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'alias set') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'alias rm') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'template') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'template set') echo '--system --prompt -m --model --max-tokens --temperature -d --default -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'template show') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'template rm') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'config') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'config get') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'config set') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'config unset') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'config list') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'serve') echo '--host --port --data-dir --database --db-pool-size --db-timeout-ms --replica-id --demo-delay-ms --upstream --upstream-key-env --models-config --rate-limit --rate-burst --max-body-bytes --default-max-tokens --hold-ttl --progress-interval-ms --count-deadline-ms --payment-delay-ms --shutdown-grace --sms-outbox --payment-ttl --phone-bill-monthly-cap --payment-attempts --invoice-delay --device-interval --device-code-ttl -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'serve keys') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'serve keys create') echo '--account --data-dir --database --phone -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth status') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth login') echo '--provider --with-token --force --web --no-browser -V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth logout') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth switch') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth token') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth keys') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth keys list') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'auth keys revoke') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'completion') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
    'help') echo '-V --version --profile --api-url --json --no-color --no-header -q --quiet --debug --timeout --insecure -h --help' ;;
  esac
}

# Prints the values an option takes and succeeds, or fails when the option takes none.
_tokencli_flag_values() {
  case "$1|$2" in
    '|--profile') tokencli __complete profiles 2>/dev/null ;;
    '|--api-url') true ;;
    '|--timeout') true ;;
    'run|-m'|'run|--model') tokencli __complete models 2>/dev/null ;;
    'run|-s'|'run|--system') true ;;
    'run|-f'|'run|--file') true ;;
    'run|--max-tokens') true ;;
    'run|--temperature') true ;;
    'run|-o'|'run|--output') true ;;
    'run|-t'|'run|--template') tokencli __complete templates 2>/dev/null ;;
    'run|-p'|'run|--param') true ;;
    'run|--cid') true ;;
    'run|--profile') tokencli __complete profiles 2>/dev/null ;;
    'run|--api-url') true ;;
    'run|--timeout') true ;;
    'chat|-m'|'chat|--model') tokencli __complete models 2>/dev/null ;;
    'chat|-s'|'chat|--system') true ;;
    'chat|--max-tokens') true ;;
    'chat|--temperature') true ;;
    'chat|--cid') true ;;
    'chat|--profile') tokencli __complete profiles 2>/dev/null ;;
    'chat|--api-url') true ;;
    'chat|--timeout') true ;;
    'logs|-n'|'logs|--count') true ;;
    'logs|--search') true ;;
    'logs|--profile') tokencli __complete profiles 2>/dev/null ;;
    'logs|--api-url') true ;;
    'logs|--timeout') true ;;
    'logs show|--profile') tokencli __complete profiles 2>/dev/null ;;
    'logs show|--api-url') true ;;
    'logs show|--timeout') true ;;
    'logs rm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'logs rm|--api-url') true ;;
    'logs rm|--timeout') true ;;
    'login|--provider') echo 'tokenplan openai openrouter deepseek siliconflow moonshot stepfun ollama openai-compatible zhipu kimi-code minimax' ;;
    'login|--profile') tokencli __complete profiles 2>/dev/null ;;
    'login|--api-url') true ;;
    'login|--timeout') true ;;
    'logout|--profile') tokencli __complete profiles 2>/dev/null ;;
    'logout|--api-url') true ;;
    'logout|--timeout') true ;;
    'profiles|--profile') tokencli __complete profiles 2>/dev/null ;;
    'profiles|--api-url') true ;;
    'profiles|--timeout') true ;;
    'profiles use|--profile') tokencli __complete profiles 2>/dev/null ;;
    'profiles use|--api-url') true ;;
    'profiles use|--timeout') true ;;
    'profiles rm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'profiles rm|--api-url') true ;;
    'profiles rm|--timeout') true ;;
    'profiles rename|--profile') tokencli __complete profiles 2>/dev/null ;;
    'profiles rename|--api-url') true ;;
    'profiles rename|--timeout') true ;;
    'plans|--kind') echo 'pack subscription' ;;
    'plans|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plans|--api-url') true ;;
    'plans|--timeout') true ;;
    'plan|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan|--api-url') true ;;
    'plan|--timeout') true ;;
    'plan purchase|--quantity') true ;;
    'plan purchase|--pay') echo 'instant phone-bill' ;;
    'plan purchase|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan purchase|--api-url') true ;;
    'plan purchase|--timeout') true ;;
    'plan subscribe|--pay') echo 'instant phone-bill' ;;
    'plan subscribe|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan subscribe|--api-url') true ;;
    'plan subscribe|--timeout') true ;;
    'plan upgrade|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan upgrade|--api-url') true ;;
    'plan upgrade|--timeout') true ;;
    'plan cancel|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan cancel|--api-url') true ;;
    'plan cancel|--timeout') true ;;
    'plan renew|--profile') tokencli __complete profiles 2>/dev/null ;;
    'plan renew|--api-url') true ;;
    'plan renew|--timeout') true ;;
    'payment|--profile') tokencli __complete profiles 2>/dev/null ;;
    'payment|--api-url') true ;;
    'payment|--timeout') true ;;
    'payment show|--profile') tokencli __complete profiles 2>/dev/null ;;
    'payment show|--api-url') true ;;
    'payment show|--timeout') true ;;
    'payment confirm|--code') true ;;
    'payment confirm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'payment confirm|--api-url') true ;;
    'payment confirm|--timeout') true ;;
    'payment cancel|--profile') tokencli __complete profiles 2>/dev/null ;;
    'payment cancel|--api-url') true ;;
    'payment cancel|--timeout') true ;;
    'statement|--month') true ;;
    'statement|--profile') tokencli __complete profiles 2>/dev/null ;;
    'statement|--api-url') true ;;
    'statement|--timeout') true ;;
    'invoice|--profile') tokencli __complete profiles 2>/dev/null ;;
    'invoice|--api-url') true ;;
    'invoice|--timeout') true ;;
    'invoice request|--month') true ;;
    'invoice request|--order') true ;;
    'invoice request|--title') true ;;
    'invoice request|--tax-id') true ;;
    'invoice request|--profile') tokencli __complete profiles 2>/dev/null ;;
    'invoice request|--api-url') true ;;
    'invoice request|--timeout') true ;;
    'invoice list|--profile') tokencli __complete profiles 2>/dev/null ;;
    'invoice list|--api-url') true ;;
    'invoice list|--timeout') true ;;
    'balance|--min') true ;;
    'balance|--profile') tokencli __complete profiles 2>/dev/null ;;
    'balance|--api-url') true ;;
    'balance|--timeout') true ;;
    'quota|--profile') tokencli __complete profiles 2>/dev/null ;;
    'quota|--api-url') true ;;
    'quota|--timeout') true ;;
    'budget|--profile') tokencli __complete profiles 2>/dev/null ;;
    'budget|--api-url') true ;;
    'budget|--timeout') true ;;
    'budget set|--period') echo 'day week month' ;;
    'budget set|--tokens') true ;;
    'budget set|--amount') true ;;
    'budget set|--warn') true ;;
    'budget set|--alert-command') true ;;
    'budget set|--profile') tokencli __complete profiles 2>/dev/null ;;
    'budget set|--api-url') true ;;
    'budget set|--timeout') true ;;
    'budget window|--warn') true ;;
    'budget window|--alert-command') true ;;
    'budget window|--profile') tokencli __complete profiles 2>/dev/null ;;
    'budget window|--api-url') true ;;
    'budget window|--timeout') true ;;
    'budget status|--profile') tokencli __complete profiles 2>/dev/null ;;
    'budget status|--api-url') true ;;
    'budget status|--timeout') true ;;
    'budget rm|--period') echo 'day week month' ;;
    'budget rm|--window') echo 'rolling_5h 5h week wk cycle month mo' ;;
    'budget rm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'budget rm|--api-url') true ;;
    'budget rm|--timeout') true ;;
    'usage|--since') true ;;
    'usage|--until') true ;;
    'usage|--by') echo 'day week month model profile' ;;
    'usage|--profile') tokencli __complete profiles 2>/dev/null ;;
    'usage|--api-url') true ;;
    'usage|--timeout') true ;;
    'models|--profile') tokencli __complete profiles 2>/dev/null ;;
    'models|--api-url') true ;;
    'models|--timeout') true ;;
    'alias|--profile') tokencli __complete profiles 2>/dev/null ;;
    'alias|--api-url') true ;;
    'alias|--timeout') true ;;
    'alias set|--profile') tokencli __complete profiles 2>/dev/null ;;
    'alias set|--api-url') true ;;
    'alias set|--timeout') true ;;
    'alias rm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'alias rm|--api-url') true ;;
    'alias rm|--timeout') true ;;
    'template|--profile') tokencli __complete profiles 2>/dev/null ;;
    'template|--api-url') true ;;
    'template|--timeout') true ;;
    'template set|--system') true ;;
    'template set|--prompt') true ;;
    'template set|-m'|'template set|--model') tokencli __complete models 2>/dev/null ;;
    'template set|--max-tokens') true ;;
    'template set|--temperature') true ;;
    'template set|-d'|'template set|--default') true ;;
    'template set|--profile') tokencli __complete profiles 2>/dev/null ;;
    'template set|--api-url') true ;;
    'template set|--timeout') true ;;
    'template show|--profile') tokencli __complete profiles 2>/dev/null ;;
    'template show|--api-url') true ;;
    'template show|--timeout') true ;;
    'template rm|--profile') tokencli __complete profiles 2>/dev/null ;;
    'template rm|--api-url') true ;;
    'template rm|--timeout') true ;;
    'config|--profile') tokencli __complete profiles 2>/dev/null ;;
    'config|--api-url') true ;;
    'config|--timeout') true ;;
    'config get|--profile') tokencli __complete profiles 2>/dev/null ;;
    'config get|--api-url') true ;;
    'config get|--timeout') true ;;
    'config set|--profile') tokencli __complete profiles 2>/dev/null ;;
    'config set|--api-url') true ;;
    'config set|--timeout') true ;;
    'config unset|--profile') tokencli __complete profiles 2>/dev/null ;;
    'config unset|--api-url') true ;;
    'config unset|--timeout') true ;;
    'config list|--profile') tokencli __complete profiles 2>/dev/null ;;
    'config list|--api-url') true ;;
    'config list|--timeout') true ;;
    'serve|--host') true ;;
    'serve|--port') true ;;
    'serve|--data-dir') true ;;
    'serve|--database') true ;;
    'serve|--db-pool-size') true ;;
    'serve|--db-timeout-ms') true ;;
    'serve|--replica-id') true ;;
    'serve|--demo-delay-ms') true ;;
    'serve|--upstream') true ;;
    'serve|--upstream-key-env') true ;;
    'serve|--models-config') true ;;
    'serve|--rate-limit') true ;;
    'serve|--rate-burst') true ;;
    'serve|--max-body-bytes') true ;;
    'serve|--default-max-tokens') true ;;
    'serve|--hold-ttl') true ;;
    'serve|--progress-interval-ms') true ;;
    'serve|--count-deadline-ms') true ;;
    'serve|--payment-delay-ms') true ;;
    'serve|--shutdown-grace') true ;;
    'serve|--sms-outbox') true ;;
    'serve|--payment-ttl') true ;;
    'serve|--phone-bill-monthly-cap') true ;;
    'serve|--payment-attempts') true ;;
    'serve|--invoice-delay') true ;;
    'serve|--device-interval') true ;;
    'serve|--device-code-ttl') true ;;
    'serve|--profile') tokencli __complete profiles 2>/dev/null ;;
    'serve|--api-url') true ;;
    'serve|--timeout') true ;;
    'serve keys|--profile') tokencli __complete profiles 2>/dev/null ;;
    'serve keys|--api-url') true ;;
    'serve keys|--timeout') true ;;
    'serve keys create|--account') true ;;
    'serve keys create|--data-dir') true ;;
    'serve keys create|--database') true ;;
    'serve keys create|--phone') true ;;
    'serve keys create|--profile') tokencli __complete profiles 2>/dev/null ;;
    'serve keys create|--api-url') true ;;
    'serve keys create|--timeout') true ;;
    'auth|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth|--api-url') true ;;
    'auth|--timeout') true ;;
    'auth status|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth status|--api-url') true ;;
    'auth status|--timeout') true ;;
    'auth login|--provider') echo 'tokenplan openai openrouter deepseek siliconflow moonshot stepfun ollama openai-compatible zhipu kimi-code minimax' ;;
    'auth login|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth login|--api-url') true ;;
    'auth login|--timeout') true ;;
    'auth logout|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth logout|--api-url') true ;;
    'auth logout|--timeout') true ;;
    'auth switch|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth switch|--api-url') true ;;
    'auth switch|--timeout') true ;;
    'auth token|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth token|--api-url') true ;;
    'auth token|--timeout') true ;;
    'auth keys|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth keys|--api-url') true ;;
    'auth keys|--timeout') true ;;
    'auth keys list|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth keys list|--api-url') true ;;
    'auth keys list|--timeout') true ;;
    'auth keys revoke|--profile') tokencli __complete profiles 2>/dev/null ;;
    'auth keys revoke|--api-url') true ;;
    'auth keys revoke|--timeout') true ;;
    'completion|--profile') tokencli __complete profiles 2>/dev/null ;;
    'completion|--api-url') true ;;
    'completion|--timeout') true ;;
    'help|--profile') tokencli __complete profiles 2>/dev/null ;;
    'help|--api-url') true ;;
    'help|--timeout') true ;;
    *) return 1 ;;
  esac
}

_tokencli_arg_values() {
  case "$1" in
    'profiles use') tokencli __complete profiles 2>/dev/null ;;
    'profiles rm') tokencli __complete profiles 2>/dev/null ;;
    'profiles rename') tokencli __complete profiles 2>/dev/null ;;
    'plan purchase') tokencli __complete plans 2>/dev/null ;;
    'budget window') echo 'rolling_5h 5h week wk cycle month mo' ;;
    'alias rm') tokencli __complete aliases 2>/dev/null ;;
    'template show') tokencli __complete templates 2>/dev/null ;;
    'template rm') tokencli __complete templates 2>/dev/null ;;
    'config get') echo 'model api_url tz history render' ;;
    'config set') echo 'model api_url tz history render' ;;
    'config unset') echo 'model tz history render' ;;
    'auth switch') tokencli __complete profiles 2>/dev/null ;;
    'completion') echo 'bash zsh fish' ;;
  esac
}

_tokencli_path() {
  local cmdpath="" w skip=0
  for w in "$@"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case "$w" in
      -*) _tokencli_flag_values "$cmdpath" "$w" >/dev/null && skip=1 ;;
      *) case " $(_tokencli_subcommands "$cmdpath") " in *" $w "*) cmdpath="${cmdpath:+$cmdpath }$w" ;; esac ;;
    esac
  done
  printf "%s" "$cmdpath"
}

_tokencli() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmdpath values
  cmdpath="$(_tokencli_path "${COMP_WORDS[@]:1:COMP_CWORD-1}")"
  if [ "$COMP_CWORD" -gt 1 ] && values="$(_tokencli_flag_values "$cmdpath" "$prev")"; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_tokencli_flags "$cmdpath")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_tokencli_subcommands "$cmdpath") $(_tokencli_arg_values "$cmdpath")" -- "$cur"))
  fi
}
complete -F _tokencli tokencli
