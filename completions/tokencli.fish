# tokencli shell completion. Generated from the command tree by `npm run completions`: do not edit.
# Install: tokencli completion fish > ~/.config/fish/completions/tokencli.fish

# The command path of the given words: known subcommands only, flags and their values skipped.
function __tokencli_path_of
    set -l path
    set -l skip 0
    for w in $argv
        if test $skip = 1; set skip 0; continue; end
        if string match -q -- "-*" $w
            contains -- (string join " " $path)"|$w" $__tokencli_value_flags; and set skip 1
            continue
        end
        contains -- $w (__tokencli_subcommands (string join " " $path)); and set -a path $w
    end
    string join " " $path
end

function __tokencli_path
    set -l tokens (commandline -opc)
    __tokencli_path_of $tokens[2..-1]
end

# Whether the word before the cursor is a flag that takes a value: then only its values fit.
function __tokencli_after_value_flag
    set -l tokens (commandline -opc)
    test (count $tokens) -gt 1; or return 1
    set -l at (__tokencli_path_of $tokens[2..-2])
    contains -- "$at|$tokens[-1]" $__tokencli_value_flags
end

# Whether the cursor is on the value of one of the flags given, at the command path given.
function __tokencli_value_of
    set -l tokens (commandline -opc)
    test (count $tokens) -gt 1; or return 1
    set -l at (__tokencli_path_of $tokens[2..-2])
    test "$at" = "$argv[1]"; and contains -- $tokens[-1] $argv[2..-1]
end

function __tokencli_at
    set -l at (__tokencli_path)
    test "$at" = "$argv[1]"
end

function __tokencli_subcommands
    switch "$argv[1]"
        case ''
            printf '%s\n' 'run' 'chat' 'logs' 'login' 'logout' 'profiles' 'plans' 'plan' 'payment' 'statement' 'invoice' 'balance' 'quota' 'budget' 'usage' 'models' 'alias' 'template' 'config' 'serve' 'auth' 'completion' 'help'
        case 'run'
            printf '%s\n' 
        case 'chat'
            printf '%s\n' 
        case 'logs'
            printf '%s\n' 'show' 'rm'
        case 'logs show'
            printf '%s\n' 
        case 'logs rm'
            printf '%s\n' 
        case 'login'
            printf '%s\n' 
        case 'logout'
            printf '%s\n' 
        case 'profiles'
            printf '%s\n' 'use' 'rm' 'rename'
        case 'profiles use'
            printf '%s\n' 
        case 'profiles rm'
            printf '%s\n' 
        case 'profiles rename'
            printf '%s\n' 
        case 'plans'
            printf '%s\n' 
        case 'plan'
            printf '%s\n' 'purchase' 'subscribe' 'upgrade' 'cancel' 'renew'
        case 'plan purchase'
            printf '%s\n' 
        case 'plan subscribe'
            printf '%s\n' 
        case 'plan upgrade'
            printf '%s\n' 
        case 'plan cancel'
            printf '%s\n' 
        case 'plan renew'
            printf '%s\n' 
        case 'payment'
            printf '%s\n' 'show' 'confirm' 'cancel'
        case 'payment show'
            printf '%s\n' 
        case 'payment confirm'
            printf '%s\n' 
        case 'payment cancel'
            printf '%s\n' 
        case 'statement'
            printf '%s\n' 
        case 'invoice'
            printf '%s\n' 'request' 'list'
        case 'invoice request'
            printf '%s\n' 
        case 'invoice list'
            printf '%s\n' 
        case 'balance'
            printf '%s\n' 
        case 'quota'
            printf '%s\n' 
        case 'budget'
            printf '%s\n' 'set' 'window' 'status' 'rm'
        case 'budget set'
            printf '%s\n' 
        case 'budget window'
            printf '%s\n' 
        case 'budget status'
            printf '%s\n' 
        case 'budget rm'
            printf '%s\n' 
        case 'usage'
            printf '%s\n' 
        case 'models'
            printf '%s\n' 
        case 'alias'
            printf '%s\n' 'set' 'rm'
        case 'alias set'
            printf '%s\n' 
        case 'alias rm'
            printf '%s\n' 
        case 'template'
            printf '%s\n' 'set' 'show' 'rm'
        case 'template set'
            printf '%s\n' 
        case 'template show'
            printf '%s\n' 
        case 'template rm'
            printf '%s\n' 
        case 'config'
            printf '%s\n' 'get' 'set' 'unset' 'list'
        case 'config get'
            printf '%s\n' 
        case 'config set'
            printf '%s\n' 
        case 'config unset'
            printf '%s\n' 
        case 'config list'
            printf '%s\n' 
        case 'serve'
            printf '%s\n' 'keys'
        case 'serve keys'
            printf '%s\n' 'create'
        case 'serve keys create'
            printf '%s\n' 
        case 'auth'
            printf '%s\n' 'status' 'login' 'logout' 'switch' 'token' 'keys'
        case 'auth status'
            printf '%s\n' 
        case 'auth login'
            printf '%s\n' 
        case 'auth logout'
            printf '%s\n' 
        case 'auth switch'
            printf '%s\n' 
        case 'auth token'
            printf '%s\n' 
        case 'auth keys'
            printf '%s\n' 'list' 'revoke'
        case 'auth keys list'
            printf '%s\n' 
        case 'auth keys revoke'
            printf '%s\n' 
        case 'completion'
            printf '%s\n' 
        case 'help'
            printf '%s\n' 
    end
end

set -g __tokencli_value_flags '|--profile' '|--api-url' '|--timeout' 'run|-m' 'run|--model' 'run|-s' 'run|--system' 'run|-f' 'run|--file' 'run|--max-tokens' 'run|--temperature' 'run|-o' 'run|--output' 'run|-t' 'run|--template' 'run|-p' 'run|--param' 'run|--cid' 'run|--profile' 'run|--api-url' 'run|--timeout' 'chat|-m' 'chat|--model' 'chat|-s' 'chat|--system' 'chat|--max-tokens' 'chat|--temperature' 'chat|--cid' 'chat|--profile' 'chat|--api-url' 'chat|--timeout' 'logs|-n' 'logs|--count' 'logs|--search' 'logs|--profile' 'logs|--api-url' 'logs|--timeout' 'logs show|--profile' 'logs show|--api-url' 'logs show|--timeout' 'logs rm|--profile' 'logs rm|--api-url' 'logs rm|--timeout' 'login|--provider' 'login|--profile' 'login|--api-url' 'login|--timeout' 'logout|--profile' 'logout|--api-url' 'logout|--timeout' 'profiles|--profile' 'profiles|--api-url' 'profiles|--timeout' 'profiles use|--profile' 'profiles use|--api-url' 'profiles use|--timeout' 'profiles rm|--profile' 'profiles rm|--api-url' 'profiles rm|--timeout' 'profiles rename|--profile' 'profiles rename|--api-url' 'profiles rename|--timeout' 'plans|--kind' 'plans|--profile' 'plans|--api-url' 'plans|--timeout' 'plan|--profile' 'plan|--api-url' 'plan|--timeout' 'plan purchase|--quantity' 'plan purchase|--pay' 'plan purchase|--profile' 'plan purchase|--api-url' 'plan purchase|--timeout' 'plan subscribe|--pay' 'plan subscribe|--profile' 'plan subscribe|--api-url' 'plan subscribe|--timeout' 'plan upgrade|--profile' 'plan upgrade|--api-url' 'plan upgrade|--timeout' 'plan cancel|--profile' 'plan cancel|--api-url' 'plan cancel|--timeout' 'plan renew|--profile' 'plan renew|--api-url' 'plan renew|--timeout' 'payment|--profile' 'payment|--api-url' 'payment|--timeout' 'payment show|--profile' 'payment show|--api-url' 'payment show|--timeout' 'payment confirm|--code' 'payment confirm|--profile' 'payment confirm|--api-url' 'payment confirm|--timeout' 'payment cancel|--profile' 'payment cancel|--api-url' 'payment cancel|--timeout' 'statement|--month' 'statement|--profile' 'statement|--api-url' 'statement|--timeout' 'invoice|--profile' 'invoice|--api-url' 'invoice|--timeout' 'invoice request|--month' 'invoice request|--order' 'invoice request|--title' 'invoice request|--tax-id' 'invoice request|--profile' 'invoice request|--api-url' 'invoice request|--timeout' 'invoice list|--profile' 'invoice list|--api-url' 'invoice list|--timeout' 'balance|--min' 'balance|--profile' 'balance|--api-url' 'balance|--timeout' 'quota|--profile' 'quota|--api-url' 'quota|--timeout' 'budget|--profile' 'budget|--api-url' 'budget|--timeout' 'budget set|--period' 'budget set|--tokens' 'budget set|--amount' 'budget set|--warn' 'budget set|--alert-command' 'budget set|--profile' 'budget set|--api-url' 'budget set|--timeout' 'budget window|--warn' 'budget window|--alert-command' 'budget window|--profile' 'budget window|--api-url' 'budget window|--timeout' 'budget status|--profile' 'budget status|--api-url' 'budget status|--timeout' 'budget rm|--period' 'budget rm|--window' 'budget rm|--profile' 'budget rm|--api-url' 'budget rm|--timeout' 'usage|--since' 'usage|--until' 'usage|--by' 'usage|--profile' 'usage|--api-url' 'usage|--timeout' 'models|--profile' 'models|--api-url' 'models|--timeout' 'alias|--profile' 'alias|--api-url' 'alias|--timeout' 'alias set|--profile' 'alias set|--api-url' 'alias set|--timeout' 'alias rm|--profile' 'alias rm|--api-url' 'alias rm|--timeout' 'template|--profile' 'template|--api-url' 'template|--timeout' 'template set|--system' 'template set|--prompt' 'template set|-m' 'template set|--model' 'template set|--max-tokens' 'template set|--temperature' 'template set|-d' 'template set|--default' 'template set|--profile' 'template set|--api-url' 'template set|--timeout' 'template show|--profile' 'template show|--api-url' 'template show|--timeout' 'template rm|--profile' 'template rm|--api-url' 'template rm|--timeout' 'config|--profile' 'config|--api-url' 'config|--timeout' 'config get|--profile' 'config get|--api-url' 'config get|--timeout' 'config set|--profile' 'config set|--api-url' 'config set|--timeout' 'config unset|--profile' 'config unset|--api-url' 'config unset|--timeout' 'config list|--profile' 'config list|--api-url' 'config list|--timeout' 'serve|--host' 'serve|--port' 'serve|--data-dir' 'serve|--database' 'serve|--db-pool-size' 'serve|--db-timeout-ms' 'serve|--replica-id' 'serve|--demo-delay-ms' 'serve|--upstream' 'serve|--upstream-key-env' 'serve|--models-config' 'serve|--rate-limit' 'serve|--rate-burst' 'serve|--max-body-bytes' 'serve|--default-max-tokens' 'serve|--hold-ttl' 'serve|--progress-interval-ms' 'serve|--count-deadline-ms' 'serve|--payment-delay-ms' 'serve|--shutdown-grace' 'serve|--sms-outbox' 'serve|--payment-ttl' 'serve|--phone-bill-monthly-cap' 'serve|--payment-attempts' 'serve|--invoice-delay' 'serve|--device-interval' 'serve|--device-code-ttl' 'serve|--profile' 'serve|--api-url' 'serve|--timeout' 'serve keys|--profile' 'serve keys|--api-url' 'serve keys|--timeout' 'serve keys create|--account' 'serve keys create|--data-dir' 'serve keys create|--database' 'serve keys create|--phone' 'serve keys create|--profile' 'serve keys create|--api-url' 'serve keys create|--timeout' 'auth|--profile' 'auth|--api-url' 'auth|--timeout' 'auth status|--profile' 'auth status|--api-url' 'auth status|--timeout' 'auth login|--provider' 'auth login|--profile' 'auth login|--api-url' 'auth login|--timeout' 'auth logout|--profile' 'auth logout|--api-url' 'auth logout|--timeout' 'auth switch|--profile' 'auth switch|--api-url' 'auth switch|--timeout' 'auth token|--profile' 'auth token|--api-url' 'auth token|--timeout' 'auth keys|--profile' 'auth keys|--api-url' 'auth keys|--timeout' 'auth keys list|--profile' 'auth keys list|--api-url' 'auth keys list|--timeout' 'auth keys revoke|--profile' 'auth keys revoke|--api-url' 'auth keys revoke|--timeout' 'completion|--profile' 'completion|--api-url' 'completion|--timeout' 'help|--profile' 'help|--api-url' 'help|--timeout'

complete -c tokencli -f
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -a 'run chat logs login logout profiles plans plan payment statement invoice balance quota budget usage models alias template config serve auth completion help'
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\'''\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\'''\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s m -l model
complete -c tokencli -n '__tokencli_value_of '\''run'\'' -m --model' -a '(tokencli __complete models 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s s -l system
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s f -l file
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l max-tokens
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l temperature
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l no-stream
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l usage
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l dry-run
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l force
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l raw
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s n -l no-stdin
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s o -l output
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s t -l template
complete -c tokencli -n '__tokencli_value_of '\''run'\'' -t --template' -a '(tokencli __complete templates 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s p -l param
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s c -l continue
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l cid
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''run'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''run'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -s m -l model
complete -c tokencli -n '__tokencli_value_of '\''chat'\'' -m --model' -a '(tokencli __complete models 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -s s -l system
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l max-tokens
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l temperature
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l cid
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l raw
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''chat'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''chat'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -a 'show rm'
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -s n -l count
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l search
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l last
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l all-profiles
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l raw
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''logs'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''logs'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l raw
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''logs show'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''logs show'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l all
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''logs rm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''logs rm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l provider
complete -c tokencli -n '__tokencli_value_of '\''login'\'' --provider' -a 'tokenplan openai openrouter deepseek siliconflow moonshot stepfun ollama openai-compatible zhipu kimi-code minimax'
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l with-token
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l force
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l web
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l no-browser
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''login'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''login'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''logout'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''logout'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -a 'use rm rename'
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''profiles'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''profiles'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''profiles use'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''profiles use'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''profiles rm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''profiles rm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''profiles rename'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''profiles rename'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l kind
complete -c tokencli -n '__tokencli_value_of '\''plans'\'' --kind' -a 'pack subscription'
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plans'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plans'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -a 'purchase subscribe upgrade cancel renew'
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete plans 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l quantity
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -s y -l yes
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l web
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l pay
complete -c tokencli -n '__tokencli_value_of '\''plan purchase'\'' --pay' -a 'instant phone-bill'
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l no-wait
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan purchase'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan purchase'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -s y -l yes
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l pay
complete -c tokencli -n '__tokencli_value_of '\''plan subscribe'\'' --pay' -a 'instant phone-bill'
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l no-wait
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan subscribe'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan subscribe'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -s y -l yes
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan upgrade'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan upgrade'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan cancel'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan cancel'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l on
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l off
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -s y -l yes
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''plan renew'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''plan renew'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -a 'show confirm cancel'
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''payment'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''payment'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''payment show'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''payment show'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l code
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''payment confirm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''payment confirm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''payment cancel'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''payment cancel'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l month
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''statement'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''statement'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -a 'request list'
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''invoice'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''invoice'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l month
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l order
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l title
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l tax-id
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''invoice request'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''invoice request'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''invoice list'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''invoice list'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l min
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l offline
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l all
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''balance'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''balance'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l line
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l offline
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l all
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''quota'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''quota'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -a 'set window status rm'
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''budget'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''budget'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l period
complete -c tokencli -n '__tokencli_value_of '\''budget set'\'' --period' -a 'day week month'
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l tokens
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l amount
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l warn
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l hard
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l alert-command
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''budget set'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''budget set'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -a 'rolling_5h 5h week wk cycle month mo'
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l warn
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l alert-command
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''budget window'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''budget window'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''budget status'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''budget status'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l period
complete -c tokencli -n '__tokencli_value_of '\''budget rm'\'' --period' -a 'day week month'
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l window
complete -c tokencli -n '__tokencli_value_of '\''budget rm'\'' --window' -a 'rolling_5h 5h week wk cycle month mo'
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''budget rm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''budget rm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l since
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l until
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l by
complete -c tokencli -n '__tokencli_value_of '\''usage'\'' --by' -a 'day week month model profile'
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l csv
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l server
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l reconcile
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''usage'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''usage'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l details
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''models'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''models'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -a 'set rm'
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''alias'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''alias'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''alias set'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''alias set'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete aliases 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''alias rm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''alias rm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -a 'set show rm'
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''template'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''template'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l system
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l prompt
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -s m -l model
complete -c tokencli -n '__tokencli_value_of '\''template set'\'' -m --model' -a '(tokencli __complete models 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l max-tokens
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l temperature
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -s d -l default
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''template set'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''template set'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete templates 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''template show'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''template show'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete templates 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''template rm'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''template rm'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -a 'get set unset list'
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''config'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''config'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -a 'model api_url tz history render'
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''config get'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''config get'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -a 'model api_url tz history render'
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''config set'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''config set'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -a 'model tz history render'
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''config unset'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''config unset'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''config list'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''config list'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -a 'keys'
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l host
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l port
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l data-dir
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l database
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l db-pool-size
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l db-timeout-ms
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l replica-id
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l demo-delay-ms
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l upstream
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l upstream-key-env
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l models-config
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l rate-limit
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l rate-burst
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l max-body-bytes
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l default-max-tokens
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l hold-ttl
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l progress-interval-ms
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l count-deadline-ms
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l payment-delay-ms
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l shutdown-grace
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l sms-outbox
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l payment-ttl
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l phone-bill-monthly-cap
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l payment-attempts
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l invoice-delay
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l device-interval
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l device-code-ttl
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''serve'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''serve'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -a 'create'
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''serve keys'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''serve keys'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l account
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l data-dir
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l database
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l phone
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''serve keys create'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''serve keys create'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -a 'status login logout switch token keys'
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth status'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth status'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l provider
complete -c tokencli -n '__tokencli_value_of '\''auth login'\'' --provider' -a 'tokenplan openai openrouter deepseek siliconflow moonshot stepfun ollama openai-compatible zhipu kimi-code minimax'
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l with-token
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l force
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l web
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l no-browser
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth login'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth login'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth logout'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth logout'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth switch'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth switch'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth token'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth token'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -a 'list revoke'
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth keys'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth keys'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth keys list'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth keys list'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''auth keys revoke'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''auth keys revoke'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -a 'bash zsh fish'
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''completion'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''completion'\''; and not __tokencli_after_value_flag' -s h -l help
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -s V -l version
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l profile
complete -c tokencli -n '__tokencli_value_of '\''help'\'' --profile' -a '(tokencli __complete profiles 2>/dev/null)'
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l api-url
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l json
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l no-color
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l no-header
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -s q -l quiet
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l debug
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l timeout
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -l insecure
complete -c tokencli -n '__tokencli_at '\''help'\''; and not __tokencli_after_value_flag' -s h -l help
