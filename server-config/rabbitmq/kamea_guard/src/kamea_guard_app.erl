%% Installs kamea_guard_tls as the verify_fun of the broker's TLS listeners (AMQPS and MQTTS),
%% the way rabbitmq_trust_store does: a boot step that edits the `rabbit' application's
%% ssl_options before the listeners start. The management listener has options of its own and is
%% not touched (devices never reach it).
-module(kamea_guard_app).

-export([install_verify_fun/0, uninstall_verify_fun/0]).

-rabbit_boot_step({kamea_guard_tls,
                   [{description, "Kamea: pinned self-signed device certificates, no certificate for a service account"},
                    {mfa, {?MODULE, install_verify_fun, []}},
                    {cleanup, {?MODULE, uninstall_verify_fun, []}},
                    {enables, networking}]}).

install_verify_fun() ->
    Before = case application:get_env(rabbit, ssl_options) of
                 {ok, Options} when is_list(Options) -> Options;
                 _ -> []
             end,
    ok = application:set_env(rabbit, kamea_guard_initial_ssl_options, Before),
    case proplists:get_value(verify_fun, Before) of
        undefined -> ok;
        Other -> rabbit_log:warning("kamea_guard: replacing the configured TLS verify_fun ~p", [Other])
    end,
    After = [{verify_fun, {fun kamea_guard_tls:verify/3, ca_signed}}
             | proplists:delete(verify_fun, Before)],
    ok = application:set_env(rabbit, ssl_options, After).

uninstall_verify_fun() ->
    case application:get_env(rabbit, kamea_guard_initial_ssl_options) of
        {ok, Before} -> ok = application:set_env(rabbit, ssl_options, Before);
        undefined -> ok
    end.
