/**
 * The TLS identity of the push stand-in: a self-signed certificate for 127.0.0.1 and localhost, valid for a
 * century, made only for tests (web-push reaches push services over HTTPS alone). Clients trust it by passing
 * `pushStandInCertificate` as their CA; the key protects nothing.
 */
export const pushStandInCertificate = `
-----BEGIN CERTIFICATE-----
MIIBsDCCAVegAwIBAgIUNOLIYqtp5ip64mlMNgs9j95srlgwCgYIKoZIzj0EAwIw
HzEdMBsGA1UEAwwUTXlTaG9wIHB1c2ggc3RhbmQtaW4wIBcNMjYxMjA3MTMwMTE1
WhgPMjEyNjExMTMxMzAxMTVaMB8xHTAbBgNVBAMMFE15U2hvcCBwdXNoIHN0YW5k
LWluMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEV792rf/A/3LsyPnkHneeHZWs
4UGqOOirPdd8AXvrdsCfS1ZVcLbIVRQ8J9qvGO75j2xCYKwYAP6tTqAnjHry6qNv
MG0wHQYDVR0OBBYEFAUc3xsrQA/QnJc+4GF2YNGlG4rTMB8GA1UdIwQYMBaAFAUc
3xsrQA/QnJc+4GF2YNGlG4rTMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYcE
fwAAAYIJbG9jYWxob3N0MAoGCCqGSM49BAMCA0cAMEQCIDshdyOwX1LbOdxSXxJY
6Vb7oBtpQ/Knfvigz6HZoIjlAiARMqcy99rVGuuNuyoGGRyuloNQbshglDhVhlDF
tMzBWg==
-----END CERTIFICATE-----
`.trim()

export const pushStandInKey = `
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyAbqsyHixJyYmL3p
cJzC89gUl2hUjPx1IqVR1Ose7JKhRANCAARXv3at/8D/cuzI+eQed54dlazhQao4
6Ks913wBe+t2wJ9LVlVwtshVFDwn2q8Y7vmPbEJgrBgA/q1OoCeMevLq
-----END PRIVATE KEY-----
`.trim()
