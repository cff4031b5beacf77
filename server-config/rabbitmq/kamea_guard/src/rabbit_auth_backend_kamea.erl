%% The broker's internal user database with two rules of Kamea's on top (auth_backends.1 in
%% rabbitmq.conf; everything else is rabbit_auth_backend_internal's answer):
%%
%% - A login without password (a client certificate: EXTERNAL over AMQPS, ssl_cert_login over
%%   MQTTS) is only for a Kamea certificate device: tag kamea-device and no password hash. The
%%   internal database alone lets any existing user in with a certificate, the administrator and
%%   password devices included.
%% - A device speaks MQTT only: its AMQP connections are refused at vhost access (its rights would
%%   let it declare nothing beyond its own subscription queues, but AMQP escapes the client-id
%%   rule below and every MQTT-level check).
%% - A device's MQTT client id is its login. RabbitMQ lets a new connection take a client id over
%%   and closes the connection that held it; checked here, at vhost access, a device asking for
%%   another client id is refused (CONNACK 5, not authorised) before the broker registers the id,
%%   so the holder is never disconnected.
-module(rabbit_auth_backend_kamea).

-include_lib("rabbit_common/include/rabbit.hrl").

-behaviour(rabbit_authn_backend).
-behaviour(rabbit_authz_backend).

-export([user_login_authentication/2, user_login_authorization/2,
         check_vhost_access/3, check_resource_access/4, check_topic_access/4,
         state_can_expire/0]).

-define(INTERNAL, rabbit_auth_backend_internal).
-define(DEVICE_TAG, 'kamea-device').

user_login_authentication(Username, AuthProps) ->
    Result = ?INTERNAL:user_login_authentication(Username, AuthProps),
    case {lists:keymember(password, 1, AuthProps), Result} of
        {false, {ok, #auth_user{tags = Tags}}} ->
            case lists:member(?DEVICE_TAG, Tags) andalso not has_password(Username) of
                true -> Result;
                false -> {refused, "certificate login refused to ~s: not a Kamea certificate device", [Username]}
            end;
        _ ->
            Result
    end.

has_password(Username) ->
    case ?INTERNAL:lookup_user(Username) of
        {ok, User} -> internal_user:get_password_hash(User) =/= <<>>;
        _ -> true
    end.

user_login_authorization(Username, AuthProps) ->
    ?INTERNAL:user_login_authorization(Username, AuthProps).

check_vhost_access(#auth_user{username = Username, tags = Tags} = User, VHost, AuthzData) ->
    case {lists:member(?DEVICE_TAG, Tags), client_id(AuthzData)} of
        {false, _} ->
            ?INTERNAL:check_vhost_access(User, VHost, AuthzData);
        {true, Username} ->
            ?INTERNAL:check_vhost_access(User, VHost, AuthzData);
        {true, undefined} ->
            rabbit_log_connection:warning("Connection of device ~p refused: devices speak MQTT only", [Username]),
            false;
        {true, ClientId} ->
            rabbit_log_connection:warning(
              "MQTT connection of device ~p refused: client id ~p is not its login", [Username, ClientId]),
            false
    end.

check_resource_access(User, Resource, Permission, Context) ->
    ?INTERNAL:check_resource_access(User, Resource, Permission, Context).

check_topic_access(User, Resource, Permission, Context) ->
    ?INTERNAL:check_topic_access(User, Resource, Permission, Context).

state_can_expire() -> false.

client_id(#{<<"client_id">> := ClientId}) -> rabbit_data_coercion:to_binary(ClientId);
client_id(_) -> undefined.
