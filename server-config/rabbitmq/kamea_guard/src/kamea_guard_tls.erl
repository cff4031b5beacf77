%% The TLS verify_fun of the broker's device listeners. It replaces rabbitmq_trust_store, which
%% whitelists a self-signed certificate by issuer and serial number only (a certificate with the
%% same issuer and serial, any key, passed), and it decides what a certificate may be before any
%% login is tried:
%%
%% - A self-signed certificate is accepted only when it is pinned: the broker user named by its
%%   common name carries the tag kamea-pin-<SHA-256 of the certificate, hex>, which Kamea sets when
%%   it provisions the device and which goes with the user when the device is deleted. The whole
%%   certificate is compared, so another key, subject or serial is refused; and nothing waits for a
%%   folder to be re-read.
%% - A certificate signed by a trusted CA (a whitelisted device CA, or the broker's own) is refused
%%   when its login name (the name RabbitMQ would log it in as, rabbit_ssl:peer_cert_auth_name) is
%%   a broker user that is not a Kamea device (tag kamea-device): the administrator, the API's
%%   account, any account an operator made. It is refused too when that name belongs to a
%%   self-signed device (a CA cannot take over a pinned device) or to a password device (its
%%   user has a password hash: it logs in with its password, never with a certificate), or when
%%   the certificate's fingerprint is in the global runtime parameter kamea_banned_certificates.
%%
%% A name that is no broker user at all passes: the login then goes to Kamea's HTTP backend, which
%% decides (auto-provisioning). Measured cost: one ETS read and one SHA-256 per handshake.
-module(kamea_guard_tls).

-export([verify/3, fingerprint/1]).

-define(DEVICE_TAG, 'kamea-device').
-define(PIN_PREFIX, "kamea-pin-").
-define(BANNED_PARAMETER, kamea_banned_certificates).

verify(Cert, {bad_cert, selfsigned_peer}, _State) ->
    Der = public_key:pkix_encode('OTPCertificate', Cert, otp),
    case {banned(fingerprint(Der)), pinned(Der)} of
        {true, _} -> refuse(Der, "certificate banned");
        {false, true} -> {valid, pinned};
        {false, false} -> refuse(Der, "self-signed certificate not pinned to a device")
    end;
verify(_Cert, {bad_cert, _} = Reason, _State) ->
    {fail, Reason};
verify(_Cert, {extension, _}, State) ->
    {unknown, State};
verify(_Cert, valid, State) ->
    {valid, State};
verify(_Cert, valid_peer, pinned) ->
    {valid, pinned};
verify(Cert, valid_peer, State) ->
    Der = public_key:pkix_encode('OTPCertificate', Cert, otp),
    case ca_signed_refusal(Der) of
        none -> {valid, State};
        Why -> refuse(Der, Why)
    end.

%% Lower-case hex SHA-256 of the DER encoding, as Kamea computes it (DeviceCertificate).
fingerprint(Der) ->
    lists:flatten([io_lib:format("~2.16.0b", [Byte]) || <<Byte>> <= crypto:hash(sha256, Der)]).

pinned(Der) ->
    case user_tags(login_name(Der)) of
        {ok, Tags} ->
            %% list_to_existing_atom: a hostile certificate must not grow the atom table.
            try list_to_existing_atom(?PIN_PREFIX ++ fingerprint(Der)) of
                Pin -> lists:member(?DEVICE_TAG, Tags) andalso lists:member(Pin, Tags)
            catch
                error:badarg -> false
            end;
        _ ->
            false
    end.

ca_signed_refusal(Der) ->
    case banned(fingerprint(Der)) of
        true -> "certificate banned";
        false ->
            case lookup(login_name(Der)) of
                {ok, User} ->
                    Tags = internal_user:get_tags(User),
                    case {lists:member(?DEVICE_TAG, Tags), lists:any(fun is_pin/1, Tags), has_password(User)} of
                        {false, _, _} -> "the certificate names a service account";
                        {true, true, _} -> "the certificate names a device pinned to another certificate";
                        {true, false, true} -> "the certificate names a password device";
                        {true, false, false} -> none
                    end;
                _ ->
                    none
            end
    end.

banned(Fingerprint) ->
    try rabbit_runtime_parameters:value_global(?BANNED_PARAMETER) of
        List when is_list(List) -> lists:member(list_to_binary(Fingerprint), List);
        _ -> false
    catch
        _:_ -> false
    end.

is_pin(Tag) ->
    lists:prefix(?PIN_PREFIX, atom_to_list(Tag)).

login_name(Der) ->
    try rabbit_ssl:peer_cert_auth_name(Der) of
        Name when is_binary(Name) -> Name;
        _ -> undefined
    catch
        _:_ -> undefined
    end.

user_tags(Name) ->
    case lookup(Name) of
        {ok, User} -> {ok, internal_user:get_tags(User)};
        Error -> Error
    end.

lookup(undefined) ->
    {error, no_name};
lookup(Name) ->
    rabbit_auth_backend_internal:lookup_user(Name).

%% A certificate device's user has an empty password hash (Kamea creates it with password_hash "").
has_password(User) ->
    internal_user:get_password_hash(User) =/= <<>>.

refuse(Der, Why) ->
    rabbit_log_connection:warning("TLS client certificate refused (CN ~p, SHA-256 ~s): ~s",
                                  [login_name(Der), fingerprint(Der), Why]),
    {fail, Why}.
