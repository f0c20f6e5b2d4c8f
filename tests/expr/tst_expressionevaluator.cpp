// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressiontesthelpers.h"

#include "expr/httpmessage.h"
#include "expr/httpurl.h"
#include "expr/scriptarray.h"

#include <QTest>
#include <QTimeZone>

using namespace ExpressionTestHelpers;

// Expression/result pairs across the language and the .NET members real policies use.
class tst_ExpressionEvaluator : public QObject
{
    Q_OBJECT

private:
    static QString jwt()
    {
        const auto part = [](const QByteArray &json) {
            return QString::fromLatin1(
                    json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        return part(R"({"alg":"HS256","typ":"JWT"})") + u'.'
               + part(R"({"sub":"alice","aud":["a1","a2"],"exp":1700000000,"name":"Alice","permissions":["sendEmail","read"]})")
               + QLatin1String(".c2ln");
    }

    static void makeContext(ExpressionContext &c)
    {
        c.clock = [] {
            return QDateTime(QDate(2026, 11, 27), QTime(8, 5, 3, 250), QTimeZone::utc());
        };
        c.timestamp = QDateTime(QDate(2026, 11, 27), QTime(8, 5, 0), QTimeZone::utc());
        c.requestId = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
        auto &r = *c.request;
        r.method = QStringLiteral("POST");
        r.url = HttpUrl::fromUrl(QUrl(
                QStringLiteral("https://api.contoso.com/echo/resource?param1=a&param1=b&x=1")));
        r.originalUrl = HttpUrl::fromUrl(
                QUrl(QStringLiteral("https://gw.contoso.com:8443/api/echo?x=1")));
        r.headers->set(QStringLiteral("Authorization"), {QStringLiteral("Bearer ") + jwt()});
        r.headers->set(QStringLiteral("Content-Type"), {QStringLiteral("application/json")});
        r.headers->set(QStringLiteral("Accept"), {QStringLiteral("a/b"), QStringLiteral("c/d")});
        r.headers->set(QStringLiteral("Cookie"), {QStringLiteral("session=abc; theme=dark")});
        r.headers->set(QStringLiteral("X-Basic"),
                       {QStringLiteral("Basic ")
                        + QString::fromLatin1(QByteArray("bob:s3cret").toBase64())});
        r.ipAddress = QStringLiteral("10.1.2.3");
        r.matchedParameters->set(QStringLiteral("id"), {QStringLiteral("42")});
        r.body = std::make_shared<MessageBody>(QByteArray(
                R"({"name":"Widget","price":9.5,"tags":["a","b"],"count":3,"when":"2026-01-02T03:04:05Z"})"));
        c.deployment->set(QStringLiteral("Region"),
                          Value::fromString(QStringLiteral("West Europe")));
        c.setVariable(QStringLiteral("str"), Value::fromString(QStringLiteral("hello")));
        c.setVariable(QStringLiteral("num"), Value::fromInt(42));
        c.setVariable(QStringLiteral("flag"), Value::fromBool(true));
        c.setVariable(QStringLiteral("big"), Value::fromLong(5000000000LL));
        QString error;
        c.setVariable(QStringLiteral("json"),
                      Value::fromObject(JsonToken::parse(
                              QStringLiteral(R"({"a":1,"b":{"c":"x"},"arr":[1,2,3]})"), &error)));
        auto response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
        response->statusCode = 201;
        response->headers->set(QStringLiteral("Location"), {QStringLiteral("/items/7")});
        response->body = std::make_shared<MessageBody>(QByteArray(R"({"id":7,"ok":true})"));
        c.setVariable(QStringLiteral("resp"), Value::fromObject(response));
        c.response = std::make_shared<HttpMessage>(HttpMessage::Role::Response);
        c.response->statusCode = 404;
        c.response->headers->set(QStringLiteral("Cache-Control"),
                                 {QStringLiteral("public, max-age=120")});
        auto product = std::make_shared<ScriptRecord>(QStringLiteral("IProduct"));
        product->set(QStringLiteral("Name"), Value::fromString(QStringLiteral("Starter")));
        c.product = product;
        c.lastError = ExpressionContext::makeLastError(QStringLiteral("validate-jwt"),
                                                       QStringLiteral("TokenExpired"),
                                                       QStringLiteral("Token expired"),
                                                       QStringLiteral("api"),
                                                       QStringLiteral("inbound"),
                                                       QStringLiteral("choose[1]"),
                                                       QStringLiteral("jwt1"));
    }

private Q_SLOTS:
    void evaluate_data();
    void beforeTheBackend_data();
    void beforeTheBackend();
    void evaluate();
    void bodyIsConsumedForTheEngine();
    void valueToStringForTheEngine();
};

void tst_ExpressionEvaluator::bodyIsConsumedForTheEngine()
{
    ExpressionContext context;
    makeContext(context);
    QCOMPARE(ExpressionTestHelpers::evaluate(
                     QStringLiteral("@(context.Request.Body.As<JObject>()[\"count\"].ToString())"),
                     context),
             QStringLiteral("String:3"));
    // The engine sees the consumed body: nothing is forwarded unless set-body replaces it.
    QVERIFY(context.request->body->isConsumed());
    QVERIFY(context.request->body->content().isEmpty());
}

void tst_ExpressionEvaluator::valueToStringForTheEngine()
{
    ExpressionContext context;
    makeContext(context);
    const auto value = [&](const char *code) {
        return ExpressionCompiler::compile(QString::fromUtf8(code), {}, QString())
                .expression->evaluate(context)
                .value;
    };
    QCOMPARE(value("@(new JObject(new JProperty(\"a\", 1)))").toString(),
             QStringLiteral("{\n  \"a\": 1\n}"));
    QCOMPARE(value("@(JToken.Parse(\"\\\"s\\\"\"))").toString(), QStringLiteral("s"));
    QCOMPARE(value("@(new StringBuilder(\"sb\"))").toString(), QStringLiteral("sb"));
    QCOMPARE(value("@(context.Request.OriginalUrl)").toString(),
             QStringLiteral("https://gw.contoso.com:8443/api/echo?x=1"));
    QCOMPARE(value("@(true)").toString(), QStringLiteral("True"));
    QCOMPARE(value("@(1.5m)").toString(), QStringLiteral("1.5"));
    QVERIFY(value("@(null)").toString().isNull());
}

void tst_ExpressionEvaluator::evaluate_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *code, const char *expected) {
        QTest::newRow(code) << QString::fromUtf8(code) << QString::fromUtf8(expected);
    };
    // literals
    row("@(42)", "Int32:42");
    row("@(42L)", "Int64:42");
    row("@(3000000000)", "Int64:3000000000");
    row("@(0xFF)", "Int32:255");
    row("@(1.5)", "Double:1.5");
    row("@(2.50m)", "Decimal:2.5");
    row("@(1e3)", "Double:1000");
    row("@(true)", "Boolean:True");
    row("@(null)", "null");
    row("@('x')", "Char:x");
    row("@('\\n' == '\\x000A')", "Boolean:True");
    row("@(\"a\\tb\")", "String:a\tb");
    row("@(@\"c:\\dir\\\"\"q\"\"\")", "String:c:\\dir\\\"q\"");
    row("@(\"\\u0041\")", "String:A");
    row("@($\"x={1 + 2}\")", "String:x=3");
    row("@($\"{{literal}} {\"s\"}\")", "String:{literal} s");
    row("@($\"{3.14159:F2}|{7,4}|{7,-3}|\")", "String:3.14|   7|7  |");
    row("@($@\"a\\{1}\")", "String:a\\1");
    row("@($\"{(1 > 0 ? $\"in{2}\" : \"\")}\")", "String:in2");
    row("@(-2147483648)", "Int32:-2147483648");
    // arithmetic
    row("@(7 / 2)", "Int32:3");
    row("@(-7 / 2)", "Int32:-3");
    row("@(7 % 3)", "Int32:1");
    row("@(7.0 / 2)", "Double:3.5");
    row("@(1 + 2 * 3)", "Int32:7");
    row("@((1 + 2) * 3)", "Int32:9");
    row("@(2147483647 + 1)", "Int32:-2147483648");
    row("@(1L << 40)", "Int64:1099511627776");
    row("@(-1 << 8)", "Int32:-256");
    row("@(256 >> 4)", "Int32:16");
    row("@(0xF0 | 0x0F)", "Int32:255");
    row("@(0xFF & 0x0F)", "Int32:15");
    row("@(5 ^ 1)", "Int32:4");
    row("@(~0)", "Int32:-1");
    row("@(1.0m + 2)", "Decimal:3");
    row("@(0.1 + 0.2)", "Double:0.30000000000000004");
    row("@(1 / 0)", "error:System.DivideByZeroException: Attempted to divide by zero.");
    row("@(1.0 / 0)", "Double:∞");
    row("@(\"a\" + 1 + 2)", "String:a12");
    row("@(1 + 2 + \"a\")", "String:3a");
    row("@(\"v\" + null)", "String:v");
    row("@(\"b\" + true)", "String:bTrue");
    row("@('a' + 1)", "Int32:98");
    row("@((char)('a' + 1))", "Char:b");
    // comparison and logic
    row("@(1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == false)", "Boolean:True");
    row("@(\"a\" == \"a\")", "Boolean:True");
    row("@(\"a\" != \"A\")", "Boolean:True");
    row("@(null == null)", "Boolean:True");
    row("@(1 == 1.0)", "Boolean:True");
    row("@(!true || false)", "Boolean:False");
    row("@(true ^ true)", "Boolean:False");
    row("@(false && (1 / 0 == 0))", "Boolean:False");
    row("@(true || (1 / 0 == 0))", "Boolean:True");
    row("@(1 > 0 ? \"yes\" : \"no\")", "String:yes");
    row("@(null ?? \"fallback\")", "String:fallback");
    row("@(\"set\" ?? \"fallback\")", "String:set");
    row("@(\"x\" is string)", "Boolean:True");
    row("@(1 is string)", "Boolean:False");
    row("@(\"x\" as string)", "String:x");
    row("@((object)1 as string)", "null");
    row("@(null is string)", "Boolean:False");
    // casts
    row("@((int)3.99)", "Int32:3");
    row("@((int)-3.99)", "Int32:-3");
    row("@((long)5)", "Int64:5");
    row("@((double)5)", "Double:5");
    row("@((byte)300)", "Int32:44");
    row("@((short)70000)", "Int32:4464");
    row("@((string)null)", "null");
    row("@((string)context.Variables[\"str\"])", "String:hello");
    row("@((int)context.Variables[\"num\"])", "Int32:42");
    row("@((string)context.Variables[\"num\"])",
        "error:System.InvalidCastException: Unable to cast object of type 'System.Int32' to type "
        "'System.String'.");
    row("@((bool)context.Variables[\"flag\"])", "Boolean:True");
    row("@((int)context.Variables[\"big\"])",
        "error:System.InvalidCastException: Unable to cast object of type 'System.Int64' to type "
        "'System.Int32'.");
    row("@((long)context.Variables[\"big\"])", "Int64:5000000000");
    row("@((long)context.Variables[\"num\"])",
        "error:System.InvalidCastException: Unable to cast object of type 'System.Int32' to type "
        "'System.Int64'.");
    row("@((long)(int)context.Variables[\"num\"])", "Int64:42");
    row("@((int)context.Variables.GetValueOrDefault(\"num\"))", "Int32:42");
    row("@((JObject)context.Variables[\"json\"])",
        "JObject:{\"a\":1,\"b\":{\"c\":\"x\"},\"arr\":[1,2,3]}");
    row("@((JArray)context.Variables[\"json\"])",
        "error:System.InvalidCastException: Unable to cast object of type "
        "'Newtonsoft.Json.Linq.JObject' to type 'Newtonsoft.Json.Linq.JArray'.");
    row("@((IResponse)context.Variables[\"str\"])",
        "error:System.InvalidCastException: Unable to cast object of type 'System.String' to type "
        "'System.IResponse'.");
    // context model
    row("@(context.Request.Method)", "String:POST");
    row("@(context.Request.Url.Host)", "String:api.contoso.com");
    row("@(context.Request.Url.Port)", "Int32:443");
    row("@(context.Request.Url.Scheme)", "String:https");
    row("@(context.Request.Url.Path)", "String:/echo/resource");
    row("@(context.Request.Url.QueryString)", "String:?param1=a&param1=b&x=1");
    row("@(context.Request.Url.Query.GetValueOrDefault(\"param1\", \"\"))", "String:a,b");
    row("@(context.Request.Url.Query.GetValueOrDefault(\"nope\", \"dflt\"))", "String:dflt");
    row("@(context.Request.Url.Query[\"x\"][0])", "String:1");
    row("@(context.Request.Url.ToString())",
        "String:https://api.contoso.com/echo/resource?param1=a&param1=b&x=1");
    row("@(context.Request.OriginalUrl.Port)", "Int32:8443");
    row("@(context.Request.OriginalUrl.Host + \":\" + context.Request.OriginalUrl.Port)",
        "String:gw.contoso.com:8443");
    row("@(context.Request.Headers.GetValueOrDefault(\"content-type\"))",
        "String:application/json");
    row("@(context.Request.Headers.GetValueOrDefault(\"Accept\", \"\"))", "String:a/b,c/d");
    row("@(context.Request.Headers.GetValueOrDefault(\"Missing\"))", "null");
    row("@(context.Request.Headers.GetValueOrDefault(\"Missing\", \"d\"))", "String:d");
    row("@(context.Request.Headers[\"Accept\"][1])", "String:c/d");
    row("@(context.Request.Headers[\"Missing\"])",
        "error:System.Collections.Generic.KeyNotFoundException: The given key 'Missing' was not "
        "present in the dictionary.");
    row("@(context.Request.Headers.ContainsKey(\"ACCEPT\"))", "Boolean:True");
    row("@(context.Request.Headers.Count)", "Int32:5");
    row("@(context.Request.Headers[\"Accept\"].Length)", "Int32:2");
    row("@(context.Request.IpAddress)", "String:10.1.2.3");
    row("@(context.Request.MatchedParameters[\"id\"])", "String:42");
    row("@(context.Request.MatchedParameters.GetValueOrDefault(\"id\", \"\"))", "String:42");
    row("@(context.Request.MatchedParameters.GetValueOrDefault(\"x\", \"none\"))", "String:none");
    row("@(context.Request.Certificate == null)", "Boolean:True");
    row("@(context.Response.StatusCode)", "Int32:404");
    row("@(context.Response != null && context.Response.StatusCode == 404)", "Boolean:True");
    row("@(context.Response.StatusReason)", "String:OK");
    // IResponse has no URL (the engine does not even make one for a response).
    row("@(context.Response.Url)",
        "compile:1:20: 'IResponse' does not contain a definition for 'Url'");
    row("@(((IResponse)context.Variables[\"resp\"]).OriginalUrl)",
        "error:System.MissingMemberException: 'IResponse' does not contain a definition for "
        "'OriginalUrl'");
    row("@(context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\"))",
        "String:public, max-age=120");
    row("@(context.Deployment.Region)", "String:West Europe");
    row("@(context.Deployment.Region.Equals(\"west europe\", "
        "System.StringComparison.InvariantCultureIgnoreCase))",
        "Boolean:True");
    row("@(\"West US\".Equals(context.Deployment.Region, StringComparison.OrdinalIgnoreCase))",
        "Boolean:False");
    row("@(context.Deployment.ServiceName)", "String:apim-local");
    row("@(context.Deployment.GatewayId)", "String:managed");
    row("@(context.Product.Name)", "String:Starter");
    row("@(context.Product.Name.Equals(\"Starter\"))", "Boolean:True");
    row("@(context.User == null)", "Boolean:True");
    row("@(context.User.Id)",
        "error:System.NullReferenceException: Object reference not set to an instance of an "
        "object.");
    row("@(context.User?.Id)", "null");
    row("@(context.Subscription?.Id ?? \"anonymous\")", "String:anonymous");
    row("@(context.LastError.Source)", "String:validate-jwt");
    row("@(context.LastError.Reason)", "String:TokenExpired");
    row("@(context.LastError.PolicyId)", "String:jwt1");
    row("@(context.LastError.Path)", "String:choose[1]");
    row("@(context.RequestId.ToString())", "String:0f8fad5b-d9cb-469f-a165-70867728950e");
    row("@(context.RequestId.ToString(\"N\"))", "String:0f8fad5bd9cb469fa16570867728950e");
    row("@(context.Timestamp.ToString(\"o\"))", "String:2026-11-27T08:05:00.0000000Z");
    row("@(context.Elapsed.TotalMilliseconds)", "Double:3250");
    row("@(context.Tracing)", "Boolean:False");
    row("@(context.Variables.ContainsKey(\"str\"))", "Boolean:True");
    row("@(context.Variables.ContainsKey(\"nope\"))", "Boolean:False");
    row("@(context.Variables[\"nope\"])",
        "error:System.Collections.Generic.KeyNotFoundException: The given key 'nope' was not "
        "present in the dictionary.");
    row("@(context.Variables.GetValueOrDefault<string>(\"str\"))", "String:hello");
    row("@(context.Variables.GetValueOrDefault<int>(\"num\"))", "Int32:42");
    row("@(context.Variables.GetValueOrDefault<int>(\"nope\"))", "Int32:0");
    row("@(context.Variables.GetValueOrDefault<int>(\"nope\", 7))", "Int32:7");
    row("@(context.Variables.GetValueOrDefault<bool>(\"nope\", false))", "Boolean:False");
    row("@(context.Variables.GetValueOrDefault<bool>(\"flag\"))", "Boolean:True");
    row("@(context.Variables.GetValueOrDefault<bool>(\"str\"))",
        "error:System.InvalidCastException: Unable to cast object of type 'System.String' to type "
        "'System.Boolean'.");
    row("@(context.Variables.GetValueOrDefault<string>(\"nope\"))", "null");
    row("@(context.Variables.GetValueOrDefault(\"str\"))", "String:hello");
    row("@(context.Variables.GetValueOrDefault(\"nope\", \"d\"))", "String:d");
    row("@(context.Variables.GetValueOrDefault<long>(\"big\"))", "Int64:5000000000");
    row("@(context.Variables.GetValueOrDefault<JObject>(\"json\")[\"b\"][\"c\"].ToString())",
        "String:x");
    row("@(((IResponse)context.Variables[\"resp\"]).StatusCode)", "Int32:201");
    row("@(((IResponse)context.Variables[\"resp\"]).Headers.GetValueOrDefault(\"location\"))",
        "String:/items/7");
    row("@(((IResponse)context.Variables[\"resp\"]).Body.As<JObject>()[\"id\"].ToString())",
        "String:7");
    row("@((bool)((IResponse)context.Variables[\"resp\"]).Body.As<JObject>()[\"ok\"])",
        "Boolean:True");
    row("@(context.Variables.GetValueOrDefault<IResponse>(\"resp\").StatusCode)", "Int32:201");
    row("@(context.Request.Body.As<JObject>(preserveContent: true)[\"name\"].ToString())",
        "String:Widget");
    row("@(context.Request.Body.As<JObject>(true)[\"tags\"][1].ToString())", "String:b");
    row("@(context.Request.Body.As<string>(preserveContent: true).Length)", "Int32:86");
    row("@((double)context.Request.Body.As<JObject>(true)[\"price\"])", "Double:9.5");
    row("@(context.Request.Body.As<JObject>(true)[\"when\"].ToString())",
        "String:01/02/2026 03:04:05");
    row("@(context.Request.Body.As<JObject>(true).Value<int>(\"count\"))", "Int32:3");
    row("@(context.Request.Body.As<JArray>(true))",
        "error:Newtonsoft.Json.JsonReaderException: Error reading JArray from JsonReader. Current "
        "JsonReader item is not an array: StartObject. Path '', line 1, position 1.");
    row("@(context.Request.Body.As<byte[]>(true).Length)", "Int32:86");
    row("@{ var a = context.Request.Body.As<string>(); return context.Request.Body.As<string>(); }",
        "error:System.InvalidOperationException: The message body has already been read; use "
        "As<T>(preserveContent: true) to read it more than once.");
    row("@{ var a = context.Request.Body.As<string>(preserveContent: true); return "
        "context.Request.Body.As<JObject>()[\"count\"].ToString(); }",
        "String:3");
    row("@(context.Request.Body.AsFormUrlEncodedContent(preserveContent: true).Count)", "Int32:1");
    // JWT and basic credentials
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt()?.Subject)",
        "String:alice");
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt().Claims."
        "GetValueOrDefault(\"name\", \"?\"))",
        "String:Alice");
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt().Claims["
        "\"permissions\"][0])",
        "String:sendEmail");
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt().Audiences."
        "Count())",
        "Int32:2");
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt()."
        "ExpirationTime.Value.ToString(\"o\"))",
        "String:2023-11-14T22:13:20.0000000Z");
    row("@(context.Request.Headers.GetValueOrDefault(\"Authorization\",\"\").AsJwt().Algorithm)",
        "String:HS256");
    row("@(\"garbage\".AsJwt() == null)", "Boolean:True");
    row("@(context.Request.Headers.GetValueOrDefault(\"Missing\").AsJwt())", "null");
    row("@(context.Request.Headers.GetValueOrDefault(\"X-Basic\").AsBasic().UserId)", "String:bob");
    row("@(context.Request.Headers.GetValueOrDefault(\"X-Basic\").AsBasic().Password)",
        "String:s3cret");
    row("@(\"nope\".AsBasic() == null)", "Boolean:True");
    // strings
    row("@(\"Hello\".Length)", "Int32:5");
    row("@(\"Hello\"[1])", "Char:e");
    row("@(\"Hello\".Contains(\"ell\"))", "Boolean:True");
    row("@(\"Hello\".Contains(\"ELL\", StringComparison.OrdinalIgnoreCase))", "Boolean:True");
    row("@(\"Hello\".StartsWith(\"he\"))", "Boolean:False");
    row("@(\"Hello\".StartsWith(\"he\", StringComparison.InvariantCultureIgnoreCase))",
        "Boolean:True");
    row("@(\"Hello\".EndsWith(\"lo\"))", "Boolean:True");
    row("@(\"Hello\".IndexOf('l'))", "Int32:2");
    row("@(\"Hello\".LastIndexOf(\"l\"))", "Int32:3");
    row("@(\"Hello\".IndexOf(\"z\"))", "Int32:-1");
    row("@(\"Hello\".Substring(1, 3))", "String:ell");
    row("@(\"Hello\".Substring(2))", "String:llo");
    row("@(\"Hello\".Substring(9))",
        "error:System.ArgumentOutOfRangeException: startIndex cannot be larger than length of "
        "string. (Parameter 'startIndex')");
    row("@(\"a-b-c\".Replace(\"-\", \"+\"))", "String:a+b+c");
    row("@(\"a-b-c\".Replace('-', '_'))", "String:a_b_c");
    row("@(\"a,b,,c\".Split(',').Length)", "Int32:4");
    row("@(\"a,b,,c\".Split(new[] {','}, StringSplitOptions.RemoveEmptyEntries).Length)",
        "Int32:3");
    row("@(\"a=1;b=2\".Split(';')[1].Split('=')[0])", "String:b");
    row("@(\"a::b\".Split(\"::\")[1])", "String:b");
    row("@(\"a b\".Split(' ', 2)[1])", "String:b");
    row("@(\"  x  \".Trim())", "String:x");
    row("@(\"--x--\".Trim('-'))", "String:x");
    row("@(\"  x  \".TrimStart())", "String:x  ");
    row("@(\"  x  \".TrimEnd())", "String:  x");
    row("@(\"MiXed\".ToLower())", "String:mixed");
    row("@(\"MiXed\".ToUpperInvariant())", "String:MIXED");
    row("@(\"MiXed\".ToLowerInvariant())", "String:mixed");
    row("@(\"7\".PadLeft(3, '0'))", "String:007");
    row("@(\"7\".PadRight(3))", "String:7  ");
    row("@(\"abc\".Insert(1, \"X\"))", "String:aXbc");
    row("@(\"abcdef\".Remove(2, 2))", "String:abef");
    row("@(\"abc\".ToCharArray().Length)", "Int32:3");
    row("@(\"abc\".Equals(\"ABC\"))", "Boolean:False");
    row("@(\"abc\".Equals(\"ABC\", StringComparison.OrdinalIgnoreCase))", "Boolean:True");
    row("@(string.IsNullOrEmpty(\"\"))", "Boolean:True");
    row("@(string.IsNullOrEmpty(null))", "Boolean:True");
    row("@(String.IsNullOrWhiteSpace(\"  \"))", "Boolean:True");
    row("@(string.Join(\",\", new[] {\"a\", \"b\"}))", "String:a,b");
    row("@(string.Join(\"-\", \"x\", \"y\", 3))", "String:x-y-3");
    row("@(String.Concat(\"Bearer \", \"tok\"))", "String:Bearer tok");
    row("@(string.Concat(new[] {\"a\", \"b\", \"c\"}))", "String:abc");
    row("@(string.Format(\"/table/{0}/{1}\", \"t\", 5))", "String:/table/t/5");
    row("@(string.Format(\"{0:D4}|{1:X}|{2:x2}|{3:N2}\", 7, 255, 10, 1234.5))",
        "String:0007|FF|0a|1,234.50");
    row("@(string.Format(\"{0:0.00}|{1:#.##}\", 3.14159, 2.5))", "String:3.14|2.5");
    row("@(string.Format(\"{{x}} {0}\", 1))", "String:{x} 1");
    row("@(string.Format(\"{1}\", 1))",
        "error:System.FormatException: Index (zero based) must be greater than or equal to zero "
        "and less than the size of the argument list.");
    row("@(string.Empty)", "String:");
    row("@(string.Equals(\"a\", \"A\", StringComparison.OrdinalIgnoreCase))", "Boolean:True");
    row("@(string.Compare(\"a\", \"b\"))", "Int32:-1");
    row("@(\"abc\".CompareTo(\"abc\"))", "Int32:0");
    row("@(((string)null).Length)",
        "error:System.NullReferenceException: Object reference not set to an instance of an "
        "object.");
    // numbers and conversions
    row("@(int.Parse(\"42\"))", "Int32:42");
    row("@(int.Parse(\" -7 \"))", "Int32:-7");
    row("@(int.Parse(\"4x\"))",
        "error:System.FormatException: The input string '4x' was not in a correct format.");
    row("@(int.Parse(\"99999999999\"))",
        "error:System.OverflowException: Value was either too large or too small for an Int32.");
    row("@(long.Parse(\"99999999999\"))", "Int64:99999999999");
    row("@(double.Parse(\"1.25\"))", "Double:1.25");
    row("@(bool.Parse(\"TRUE\"))", "Boolean:True");
    row("@(decimal.Parse(\"2.5\"))", "Decimal:2.5");
    row("@{ int v; return int.TryParse(\"12\", out v) ? v : -1; }", "Int32:12");
    row("@{ return int.TryParse(\"zz\", out var v) ? v : -1; }", "Int32:-1");
    row("@(42.ToString())", "String:42");
    row("@(42.ToString(\"D5\"))", "String:00042");
    row("@(3.5.ToString())", "String:3.5");
    row("@(1234567.891.ToString(\"N1\"))", "String:1,234,567.9");
    row("@(true.ToString())", "String:True");
    row("@(Convert.ToInt32(\"12\"))", "Int32:12");
    row("@(Convert.ToInt32(2.5))", "Int32:2");
    row("@(Convert.ToInt32(3.5))", "Int32:4");
    row("@(Convert.ToInt32(\"ff\", 16))", "Int32:255");
    row("@(Convert.ToInt64(\"5000000000\"))", "Int64:5000000000");
    row("@(Convert.ToBoolean(\"true\"))", "Boolean:True");
    row("@(Convert.ToBoolean(\"1\"))",
        "error:System.FormatException: String '1' was not recognized as a valid Boolean.");
    row("@(Convert.ToString(12))", "String:12");
    row("@(Convert.ToDouble(\"1.5\"))", "Double:1.5");
    row("@(Convert.ToByte(255))", "Int32:255");
    row("@(Convert.ToByte(256))",
        "error:System.OverflowException: Value was either too large or too small for Byte.");
    row("@(Convert.ToBase64String(Encoding.UTF8.GetBytes(\"hello\")))", "String:aGVsbG8=");
    row("@(Encoding.UTF8.GetString(Convert.FromBase64String(\"aGVsbG8=\")))", "String:hello");
    row("@(Convert.FromBase64String(\"@@@\"))",
        "error:System.FormatException: The input is not a valid Base-64 string as it contains a "
        "non-base 64 character, more than two padding characters, or an illegal character among "
        "the padding characters.");
    row("@(Encoding.UTF8.GetBytes(\"é\").Length)", "Int32:2");
    row("@(Encoding.ASCII.GetString(new byte[] {72, 105}))", "String:Hi");
    row("@(System.Text.Encoding.UTF8.GetBytes(\"ab\")[1])", "Int32:98");
    row("@(BitConverter.ToString(new byte[] {1, 171}))", "String:01-AB");
    row("@(BitConverter.ToInt32(new byte[] {1, 0, 0, 0}, 0))", "Int32:1");
    row("@(Convert.ToHexString(new byte[] {1, 171}))", "String:01AB");
    row("@(Math.Abs(-5))", "Int32:5");
    row("@(Math.Max(3, 9))", "Int32:9");
    row("@(Math.Min(2.5, 1))", "Double:1");
    row("@(Math.Round(2.5))", "Double:2");
    row("@(Math.Round(3.14159, 2))", "Double:3.14");
    row("@(Math.Round(2.5, MidpointRounding.AwayFromZero))", "Double:3");
    row("@(Math.Floor(2.7))", "Double:2");
    row("@(Math.Ceiling(2.1))", "Double:3");
    row("@(Math.Pow(2, 10))", "Double:1024");
    row("@(Math.Sqrt(16))", "Double:4");
    row("@(int.MaxValue)", "Int32:2147483647");
    // DateTime, TimeSpan, DateTimeOffset
    row("@(DateTime.UtcNow.ToString(\"R\"))", "String:Fri, 27 Nov 2026 08:05:03 GMT");
    row("@(DateTime.UtcNow.ToString(\"r\"))", "String:Fri, 27 Nov 2026 08:05:03 GMT");
    row("@(DateTime.UtcNow.ToString(\"o\"))", "String:2026-11-27T08:05:03.2500000Z");
    row("@(DateTime.UtcNow.ToString(\"s\"))", "String:2026-11-27T08:05:03");
    row("@(DateTime.UtcNow.ToString(\"u\"))", "String:2026-11-27 08:05:03Z");
    row("@(DateTime.UtcNow.ToString(\"yyyy-MM-ddTHH:mm:ssZ\"))", "String:2026-11-27T08:05:03Z");
    row("@(DateTime.UtcNow.ToString(\"dd/MM/yy h:mm tt\"))", "String:27/11/26 8:05 AM");
    row("@(DateTime.UtcNow.ToString(\"dddd, MMMM d\"))", "String:Friday, November 27");
    row("@(DateTime.UtcNow.ToString(\"yyyyMMddHHmmssfff\"))", "String:20261127080503250");
    row("@(DateTime.UtcNow.ToString())", "String:11/27/2026 08:05:03");
    row("@(DateTime.UtcNow.AddDays(1).ToString(\"yyyy-MM-dd\"))", "String:2026-11-28");
    row("@(DateTime.UtcNow.AddSeconds(-3.25).Second)", "Int32:0");
    row("@(DateTime.UtcNow.AddMinutes(60).Hour)", "Int32:9");
    row("@(DateTime.UtcNow.AddMonths(2).ToString(\"yyyy-MM\"))", "String:2027-01");
    row("@(DateTime.UtcNow.Year * 100 + DateTime.UtcNow.Month)", "Int32:202611");
    row("@(DateTime.UtcNow.DayOfWeek.ToString())", "String:Friday");
    row("@(DateTime.UtcNow.Date.ToString(\"s\"))", "String:2026-11-27T00:00:00");
    row("@(DateTime.UtcNow.Ticks)", "Int64:639313635032500000");
    row("@(DateTime.Now.Kind.ToString())", "String:Local");
    row("@(DateTime.Parse(\"2026-01-02T03:04:05Z\").ToUniversalTime().ToString(\"o\"))",
        "String:2026-01-02T03:04:05.0000000Z");
    row("@(DateTime.Parse(\"01/02/2026 10:00:00\").Month)", "Int32:1");
    row("@(DateTime.Parse(\"not a date\"))",
        "error:System.FormatException: String 'not a date' was not recognized as a valid "
        "DateTime.");
    row("@(new DateTime(1970, 1, 1).ToString(\"s\"))", "String:1970-01-01T00:00:00");
    row("@((DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalSeconds)", "Double:1795766703.25");
    row("@((int)(DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalSeconds + 3600)",
        "Int32:1795770303");
    row("@(DateTime.UtcNow > new DateTime(2020, 1, 1))", "Boolean:True");
    row("@(TimeSpan.FromSeconds(90).ToString())", "String:00:01:30");
    row("@(TimeSpan.FromMinutes(1.5).TotalSeconds)", "Double:90");
    row("@(TimeSpan.FromHours(25).ToString())", "String:1.01:00:00");
    row("@(new TimeSpan(1, 2, 3).TotalMinutes)", "Double:62.05");
    row("@(TimeSpan.Parse(\"01:00:00\").TotalHours)", "Double:1");
    row("@(new DateTimeOffset(DateTime.UtcNow).ToUnixTimeSeconds())", "Int64:1795766703");
    row("@(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())", "Int64:1795766703250");
    row("@(DateTimeOffset.FromUnixTimeSeconds(0).ToString(\"R\"))",
        "String:Thu, 01 Jan 1970 00:00:00 GMT");
    row("@(DateTimeOffset.FromUnixTimeMilliseconds(1000).ToString(\"o\"))",
        "String:1970-01-01T00:00:01.0000000+00:00");
    row("@(DateTimeOffset.UtcNow > DateTimeOffset.FromUnixTimeSeconds(1))", "Boolean:True");
    row("@(((DateTimeOffset)DateTime.UtcNow).ToUnixTimeSeconds())", "Int64:1795766703");
    row("@(DateTimeOffset.UtcNow.AddSeconds(10).ToUnixTimeSeconds())", "Int64:1795766713");
    // Guid, Random, Uri, WebUtility
    row("@(Guid.NewGuid().ToString().Length)", "Int32:36");
    row("@(Guid.Parse(\"0f8fad5b-d9cb-469f-a165-70867728950e\").ToByteArray()[0])", "Int32:91");
    row("@(new "
        "Guid(Guid.Parse(\"0f8fad5b-d9cb-469f-a165-70867728950e\").ToByteArray()).ToString())",
        "String:0f8fad5b-d9cb-469f-a165-70867728950e");
    row("@(Guid.Empty.ToString())", "String:00000000-0000-0000-0000-000000000000");
    row("@(new Random(5).Next(1, 3) >= 1)", "Boolean:True");
    row("@(new System.Random().Next(1, 100) <= 100)", "Boolean:True");
    row("@(new Random().Next(5, 5))", "Int32:5");
    row("@(Uri.EscapeDataString(\"a b&c/d\"))", "String:a%20b%26c%2Fd");
    row("@(Uri.UnescapeDataString(\"a%20b%26c\"))", "String:a b&c");
    row("@(System.Net.WebUtility.UrlEncode(\"a b&c\"))", "String:a+b%26c");
    row("@(WebUtility.UrlDecode(\"a+b%26c\"))", "String:a b&c");
    row("@(WebUtility.HtmlEncode(\"<a href='x'>&</a>\"))",
        "String:&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    row("@(WebUtility.HtmlDecode(\"&lt;b&gt; &amp;\"))", "String:<b> &");
    row("@(new Uri(\"https://host.example:8443/a/b?x=1#f\").AbsolutePath)", "String:/a/b");
    row("@(new Uri(\"https://host.example:8443/a/b?x=1\").Host)", "String:host.example");
    row("@(new Uri(\"https://host.example:8443/a/b?x=1\").Port)", "Int32:8443");
    row("@(new Uri(\"https://host.example/a/b?x=1\").Query)", "String:?x=1");
    row("@(new Uri(\"https://host.example/a\").Port)", "Int32:443");
    row("@(new Uri(\"not a uri\"))",
        "error:System.UriFormatException: Invalid URI: The format of the URI could not be "
        "determined.");
    // Regex
    row("@(Regex.IsMatch(\"abc123\", @\"\\d+\"))", "Boolean:True");
    row("@(Regex.IsMatch(\"ABC\", \"abc\", RegexOptions.IgnoreCase))", "Boolean:True");
    row("@(Regex.Match(\"max-age=300, public\", "
        "@\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"].Value)",
        "String:300");
    row("@(Regex.Match(\"v1.2\", @\"(\\d+)\\.(\\d+)\").Groups[2].Value)", "String:2");
    row("@(Regex.Match(\"abc\", @\"\\d\").Success)", "Boolean:False");
    row("@(Regex.Replace(\"a1b22\", @\"\\d+\", \"#\"))", "String:a#b#");
    row("@(Regex.Replace(\"john smith\", @\"(\\w+) (\\w+)\", \"$2 $1\"))", "String:smith john");
    row("@(Regex.Replace(\"ab\", \"(?<x>a)\", \"[${x}]\"))", "String:[a]b");
    row("@(Regex.Matches(\"a1b2c3\", @\"\\d\").Count)", "Int32:3");
    row("@(Regex.Split(\"a1b2c\", @\"\\d\")[2])", "String:c");
    row("@(new Regex(@\"^\\w+$\").IsMatch(\"word\"))", "Boolean:True");
    row("@(Regex.IsMatch(\"x\", \"(\"))",
        "error:System.ArgumentException: Invalid pattern '(' at offset 1. missing closing "
        "parenthesis");
    // crypto
    row("@(Convert.ToBase64String(new "
        "HMACSHA256(Encoding.UTF8.GetBytes(\"key\")).ComputeHash(Encoding.UTF8.GetBytes(\"The "
        "quick brown fox jumps over the lazy dog\"))))",
        "String:97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
    row("@(BitConverter.ToString(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(\"abc\")))."
        "Replace(\"-\", \"\").ToLower())",
        "String:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    row("@(Convert.ToBase64String(new System.Security.Cryptography.HMACSHA256 { Key = "
        "Encoding.UTF8.GetBytes(\"key\") }.ComputeHash(Encoding.UTF8.GetBytes(\"\"))))",
        "String:XV0TlWPJW1lnub2ajJsjOp3ttFByeUzSMtwbdIMmB9A=");
    row("@(Convert.ToBase64String(MD5.Create().ComputeHash(Encoding.UTF8.GetBytes(\"\"))))",
        "String:1B2M2Y8AsgTpgAmY7PhCfg==");
    row("@(new byte[] {1}.Encrypt(\"Aes\", new byte[16], new byte[16]))",
        "error:System.NotSupportedException: byte[].Encrypt (AES) is not supported by the local "
        "gateway (it needs a real Azure runtime).");
    // JSON
    row("@(JObject.Parse(\"{\\\"a\\\": {\\\"b\\\": [1, 2]}}\")[\"a\"][\"b\"][1])", "JValue:2");
    row("@((int)JObject.Parse(\"{\\\"a\\\": 5}\")[\"a\"])", "Int32:5");
    row("@((string)JObject.Parse(\"{\\\"a\\\": 5}\")[\"a\"])", "String:5");
    row("@((string)JObject.Parse(\"{\\\"a\\\": 5}\")[\"missing\"])", "null");
    row("@(JObject.Parse(\"{\\\"a\\\": 5}\")[\"missing\"] == null)", "Boolean:True");
    row("@(JObject.Parse(\"{\\\"a\\\": {\\\"b\\\": 1}}\").ToString())",
        "String:{\n  \"a\": {\n    \"b\": 1\n  }\n}");
    row("@(JObject.Parse(\"{\\\"a\\\": [1,{}], \\\"e\\\": "
        "[]}\").ToString(Newtonsoft.Json.Formatting.None))",
        "String:{\"a\":[1,{}],\"e\":[]}");
    row("@(JObject.Parse(\"{\\\"a\\\": 1.0, \\\"b\\\": 2.5e3, \\\"c\\\": "
        "\\\"\\\\u0041\\\"}\").ToString(Formatting.None))",
        "String:{\"a\":1.0,\"b\":2500.0,\"c\":\"A\"}");
    row("@(JObject.Parse(\"[1]\"))",
        "error:Newtonsoft.Json.JsonReaderException: Error reading JObject from JsonReader. Current "
        "JsonReader item is not an object: StartArray. Path '', line 1, position 1.");
    row("@(JObject.Parse(\"{oops\"))",
        "error:Newtonsoft.Json.JsonReaderException: Invalid character after parsing property name. "
        "Expected ':'. Path '', line 1, position 5.");
    row("@(JArray.Parse(\"[1,2,3]\").Count)", "Int32:3");
    row("@(JToken.Parse(\"\\\"s\\\"\").ToString())", "String:s");
    row("@(new JObject(new JProperty(\"status\", \"HTTP 405\"), new JProperty(\"n\", "
        "1)).ToString(Formatting.None))",
        "String:{\"status\":\"HTTP 405\",\"n\":1}");
    row("@(new JObject(new JProperty(\"a\", new JArray(new JObject(new JProperty(\"b\", "
        "true))))).ToString())",
        "String:{\n  \"a\": [\n    {\n      \"b\": true\n    }\n  ]\n}");
    row("@{ var o = new JObject(); o[\"x\"] = 1; o[\"y\"] = \"s\"; o.Add(\"z\", new JArray(1, 2)); "
        "return o.ToString(Formatting.None); }",
        "String:{\"x\":1,\"y\":\"s\",\"z\":[1,2]}");
    row("@{ var o = new JObject(); o.Add(\"x\", 1); o.Add(\"x\", 2); return o; }",
        "error:System.ArgumentException: Can not add property x to Newtonsoft.Json.Linq.JObject. "
        "Property with the same name already exists on object.");
    row("@{ var o = JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\"); o.Property(\"a\").Remove(); "
        "return o.ToString(Formatting.None); }",
        "String:{\"b\":2}");
    row("@{ var o = JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\"); o.Remove(\"b\"); return "
        "o.ToString(Formatting.None); }",
        "String:{\"a\":1}");
    row("@(JObject.Parse(\"{\\\"a\\\":{\\\"b\\\":[{\\\"c\\\":7}]}}\").SelectToken(\"a.b[0].c\")."
        "ToString())",
        "String:7");
    row("@(JObject.Parse(\"{\\\"a\\\":{\\\"b\\\":[{\\\"c\\\":7}]}}\").SelectToken(\"$.a.x\") == "
        "null)",
        "Boolean:True");
    row("@(JObject.Parse(\"{\\\"a\\\":1}\").GetValue(\"a\").ToString())", "String:1");
    row("@(JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\").Properties().Count())", "Int32:2");
    row("@(JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":2}\").Properties().Select(p => "
        "p.Name).ToArray().Length)",
        "Int32:2");
    row("@(JArray.Parse(\"[1,2,3]\").Select(t => (int)t).Sum())", "Int32:6");
    row("@(JArray.Parse(\"[{\\\"n\\\":\\\"x\\\"},{\\\"n\\\":\\\"y\\\"}]\").FirstOrDefault(t => "
        "t[\"n\"].ToString() == \"y\")[\"n\"].ToString())",
        "String:y");
    row("@(JArray.Parse(\"[1,2]\")[5])",
        "error:System.ArgumentOutOfRangeException: Index was out of range. Must be non-negative "
        "and less than the size of the collection. (Parameter 'index')");
    row("@(JObject.Parse(\"{\\\"a\\\":true}\").Value<bool>(\"a\"))", "Boolean:True");
    row("@(JObject.Parse(\"{\\\"a\\\":\\\"7\\\"}\").Value<int>(\"a\"))", "Int32:7");
    row("@(JObject.Parse(\"{\\\"a\\\":{}}\")[\"a\"].Type.ToString())", "String:Object");
    row("@((int)JObject.Parse(\"{\\\"a\\\":{}}\")[\"a\"])",
        "error:System.ArgumentException: Can not convert Object to Int32.");
    row("@(JObject.Parse(\"{\\\"a\\\":1}\").ContainsKey(\"a\"))", "Boolean:True");
    row("@(JsonConvert.SerializeObject(new { typ = \"JWT\", alg = \"HS256\" }))",
        "String:{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
    row("@(JsonConvert.SerializeObject(new[] {1, 2}))", "String:[1,2]");
    row("@(JsonConvert.SerializeObject(\"x\"))", "String:\"x\"");
    row("@(JsonConvert.DeserializeObject<JObject>(\"{\\\"q\\\":1}\")[\"q\"].ToString())",
        "String:1");
    row("@(JObject.FromObject(new Dictionary<string, string> { { \"k\", \"v\" } "
        "}).ToString(Formatting.None))",
        "String:{\"k\":\"v\"}");
    row("@($\"{JObject.Parse(\"{\\\"a\\\":1}\")}\")", "String:{\n  \"a\": 1\n}");
    row("@(\"x\" + JObject.Parse(\"{\\\"a\\\":1}\")[\"a\"])", "String:x1");
    // collections and LINQ
    row("@(new[] {1, 2, 3}.Length)", "Int32:3");
    row("@(new int[3][1])", "Int32:0");
    row("@(new[] {3, 1, 2}.OrderBy(x => x).First())", "Int32:1");
    row("@(new[] {3, 1, 2}.OrderByDescending(x => x).ToArray()[0])", "Int32:3");
    row("@(new[] {1, 2, 3, 4}.Where(x => x % 2 == 0).Count())", "Int32:2");
    row("@(new[] {1, 2, 3}.Select(x => x * 10).Sum())", "Int32:60");
    row("@(new[] {1, 2, 3}.Any(x => x > 2))", "Boolean:True");
    row("@(new[] {1, 2, 3}.All(x => x > 2))", "Boolean:False");
    row("@(new int[0].Any())", "Boolean:False");
    row("@(new[] {1, 2, 3}.Count(x => x != 2))", "Int32:2");
    row("@(new[] {\"a\", \"b\"}.Contains(\"b\"))", "Boolean:True");
    row("@(new[] {\"POST\", \"PUT\"}.Contains(\"put\", StringComparer.OrdinalIgnoreCase))",
        "Boolean:True");
    row("@(new[] {\"a\", \"b\"}.FirstOrDefault(s => s == \"z\"))", "null");
    row("@(new[] {\"a\"}.First(s => s == \"z\"))",
        "error:System.InvalidOperationException: Sequence contains no matching element");
    row("@(new int[0].First())",
        "error:System.InvalidOperationException: Sequence contains no elements");
    row("@(new[] {1, 1}.Single())",
        "error:System.InvalidOperationException: Sequence contains more than one matching element");
    row("@(new[] {1, 2, 2, 3}.Distinct().Count())", "Int32:3");
    row("@(new[] {1, 2, 3}.Skip(1).Take(1).Single())", "Int32:2");
    row("@(new[] {1, 2, 3}.Reverse().First())", "Int32:3");
    row("@(new[] {1, 2, 3}.Max())", "Int32:3");
    row("@(new[] {2.0, 4.0}.Average())", "Double:3");
    row("@(new[] {\"b\", \"a\"}.OrderBy(s => s).ToList()[0])", "String:a");
    row("@(new[] {1, 2}.Last())", "Int32:2");
    row("@(new[] {1, 2, 3}.Aggregate((a, b) => a * b))", "Int32:6");
    row("@(new[] {\"x\", \"yy\"}.ToDictionary(s => s, s => s.Length)[\"yy\"])", "Int32:2");
    row("@(new[] {1, 2}.Concat(new[] {3}).Count())", "Int32:3");
    row("@(new[] {1, 2}.ElementAt(1))", "Int32:2");
    row("@(new[] {\"a;b\", \"c\"}.SelectMany(s => s.Split(';')).Count())", "Int32:3");
    row("@(new[] {1, 2}[2])",
        "error:System.IndexOutOfRangeException: Index was outside the bounds of the array.");
    row("@(Array.Exists(new[] {\"a\", \"sendEmail\"}, e => e == \"sendEmail\"))", "Boolean:True");
    row("@(Array.IndexOf(new[] {\"a\", \"b\"}, \"b\"))", "Int32:1");
    row("@{ var l = new List<string>(); l.Add(\"a\"); l.Add(\"b\"); l.Remove(\"a\"); return "
        "l.Count; }",
        "Int32:1");
    row("@{ var l = new List<string>() { \"x\", \"y\" }; return string.Join(\"|\", l); }",
        "String:x|y");
    row("@{ var l = new List<int> { 3, 1 }; l.Sort(); return l[0]; }", "Int32:1");
    row("@{ var l = new List<int>(); return l[0]; }",
        "error:System.ArgumentOutOfRangeException: Index was out of range. Must be non-negative "
        "and less than the size of the collection. (Parameter 'index')");
    row("@{ var d = new Dictionary<string, int>(); d[\"a\"] = 1; d.Add(\"b\", 2); return d[\"a\"] "
        "+ d[\"b\"] + d.Count; }",
        "Int32:5");
    row("@{ var d = new Dictionary<string, int> { [\"a\"] = 2 }; d[\"a\"] += 1; return d[\"a\"]; }",
        "Int32:3");
    row("@(\"abc\"[1])", "Char:b");
    row("@(\"abc\"[0, 1])",
        "error:System.ArgumentException: Wrong number of indices inside []; expected 1");
    row("@{ var l = new List<int> { 1 }; l[0, 0] = 2; return l[0]; }",
        "error:System.MissingMemberException: 'System.Collections.Generic.List`1[System.Int32]' "
        "does not contain a definition for 'this[]'");
    row("@{ var d = new Dictionary<string, string> { { \"k\", \"v\" } }; return "
        "d.ContainsKey(\"k\") && !d.ContainsKey(\"z\"); }",
        "Boolean:True");
    row("@{ var d = new Dictionary<string, string>(); return d[\"z\"]; }",
        "error:System.Collections.Generic.KeyNotFoundException: The given key 'z' was not present "
        "in the dictionary.");
    row("@{ var d = new Dictionary<string, int> { [\"a\"] = 1 }; int v; return "
        "d.TryGetValue(\"a\", out v) ? v : 0; }",
        "Int32:1");
    row("@{ var d = new Dictionary<string, int> { [\"a\"] = 1 }; return d.GetValueOrDefault(\"q\", "
        "9); }",
        "Int32:9");
    row("@{ var d = new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 }; var s = 0; foreach "
        "(var kv in d) { s += kv.Value; } return s; }",
        "Int32:3");
    row("@{ var b = new byte[6]; long t = 0x0102030405; b[0] = (byte)t; b[1] = (byte)(t >> 8); "
        "return b[0] + b[1]; }",
        "Int32:9");
    row("@{ var g = new byte[16]; Array.Copy(new byte[] {9, 8}, 0, g, 14, 2); return g[15]; }",
        "Int32:8");
    row("@(context.Request.Headers.GetValueOrDefault(\"Cookie\", \"\").Split(';').Select(x => "
        "x.Trim()).Select(c => c.Split('=')).SingleOrDefault(c => c[0] == \"theme\")?[1] ?? "
        "string.Empty)",
        "String:dark");
    row("@(context.Request.Headers.Where(h => h.Key.StartsWith(\"Co\")).Count())", "Int32:2");
    // StringBuilder
    row("@{ var sb = new StringBuilder(); sb.Append(\"a\").Append(1).AppendLine(); "
        "sb.AppendFormat(\"{0}!\", \"b\"); return sb.ToString(); }",
        "String:a1\r\nb!");
    row("@(new StringBuilder(\"x\").Length)", "Int32:1");
    // XML
    row("@(XDocument.Parse(\"<r><a>1</a><b x='y'>2</b></r>\").Descendants(\"b\").First().Value)",
        "String:2");
    row("@(XDocument.Parse(\"<r><a>1</a><b "
        "x='y'>2</b></r>\").Root.Element(\"b\").Attribute(\"x\").Value)",
        "String:y");
    row("@(XElement.Parse(\"<r><a>1</a></r>\").Elements().Count())", "Int32:1");
    row("@(XDocument.Parse(\"<s:E xmlns:s='u'><s:B><V>3</V></s:B></s:E>\").Descendants().Where(r "
        "=> r.Name.LocalName == \"V\").First().Value)",
        "String:3");
    row("@{ var x = new XmlDocument(); x.LoadXml(\"<K><V>v1</V></K>\"); return "
        "x.DocumentElement.SelectSingleNode(\"/K/V\").InnerText; }",
        "String:v1");
    row("@(XDocument.Parse(\"<r>\"))",
        "error:System.Xml.XmlException: Premature end of document. Line 1, position 3.");
    // statements
    row("@{ return 1; }", "Int32:1");
    row("@{ var x = 1; x += 2; x *= 3; return x; }", "Int32:9");
    row("@{ int i = 0; i++; ++i; i--; return i; }", "Int32:1");
    row("@{ var s = \"\"; for (int i = 0; i < 3; i++) { s += i; } return s; }", "String:012");
    row("@{ var n = 0; while (n < 10) { n++; if (n == 5) { break; } } return n; }", "Int32:5");
    row("@{ var n = 0; do { n += 2; } while (n < 5); return n; }", "Int32:6");
    row("@{ var s = 0; foreach (var x in new[] {1, 2, 3}) { if (x == 2) { continue; } s += x; } "
        "return s; }",
        "Int32:4");
    row("@{ foreach (string p in \"a,b\".Split(',')) { if (p == \"b\") { return p; } } return "
        "\"none\"; }",
        "String:b");
    row("@{ if (context.Response.StatusCode == 404) { return \"missing\"; } else { return "
        "\"found\"; } }",
        "String:missing");
    row("@{ string a = \"x\", b = \"y\"; return a + b; }", "String:xy");
    row("@{ const int Limit = 60 * 20; return Limit; }", "Int32:1200");
    row("@{ int Twice(int v) { return v * 2; } return Twice(21); }", "Int32:42");
    row("@{ int Fact(int n) { return n <= 1 ? 1 : n * Fact(n - 1); } return Fact(10); }",
        "Int32:3628800");
    row("@{ string Greet(string n) => \"hi \" + n; return Greet(\"bo\"); }", "String:hi bo");
    row("@{ var total = 0; void Add(int v) { total += v; } Add(2); Add(3); return total; }",
        "Int32:5");
    row("@{ try { return int.Parse(\"x\"); } catch (FormatException) { return -1; } }", "Int32:-1");
    row("@{ try { throw new Exception(\"boom\"); } catch (Exception ex) { return ex.Message; } }",
        "String:boom");
    row("@{ try { return JObject.Parse(\"{\"); } catch (Exception e) { return \"bad\"; } }",
        "String:bad");
    row("@{ var r = \"\"; try { r += \"t\"; } finally { r += \"f\"; } return r; }", "String:tf");
    row("@{ throw new InvalidOperationException(\"custom\"); }",
        "error:System.InvalidOperationException: custom");
    row("@{ unchecked { return (int)(2147483647L + 1); } }", "Int32:-2147483648");
    row("@{ var header = context.Response.Headers.GetValueOrDefault(\"Cache-Control\",\"\"); var "
        "maxAge = Regex.Match(header, @\"max-age=(?<maxAge>\\d+)\").Groups[\"maxAge\"]?.Value; "
        "return (!string.IsNullOrEmpty(maxAge))?int.Parse(maxAge):300; }",
        "Int32:120");
    row("@{ var o = (object)\"s\"; if (o is string t) { return t.Length; } return 0; }", "Int32:1");
    row("@{ int? n = null; return n ?? 5; }", "Int32:5");
    row("@{ var x = default(int); return x; }", "Int32:0");
    row("@{ string s = null; s ??= \"init\"; return s; }", "String:init");
    row("@{ var anon = new { a = 1, b = \"two\" }; return anon.b; }", "String:two");
    row("@{ var parts = new string[2]; parts[1] = \"v\"; return parts[0] == null && parts[1] == "
        "\"v\"; }",
        "Boolean:True");
    row("@{ char c = '='; return \"a=b\".Split(c)[1]; }", "String:b");
    row("@{ var ok = \"a\".AsJwt() == null; Jwt j; return ok && !\"x.y\".TryParseJwt(out j); }",
        "Boolean:True");
}

void tst_ExpressionEvaluator::evaluate()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    ExpressionContext context;
    makeContext(context);
    QCOMPARE(ExpressionTestHelpers::evaluate(code, context), expected);
}

// No response yet and no error: the interpreter's null tests and member reads on context objects
// read the context's own pointers, and must agree with the general path.
void tst_ExpressionEvaluator::beforeTheBackend_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *code, const char *expected) {
        QTest::newRow(code) << QString::fromUtf8(code) << QString::fromUtf8(expected);
    };
    row("@(context.Response == null)", "Boolean:True");
    row("@(null == context.Response)", "Boolean:True");
    row("@(context.Response != null)", "Boolean:False");
    row("@(context.LastError == null)", "Boolean:True");
    row("@(context.Request != null)", "Boolean:True");
    row("@(context.Response?.StatusCode)", "null");
    row("@(context.Response == null || context.Response.StatusCode == 200)", "Boolean:True");
    row("@(context.Response != null && context.Response.StatusCode == 200)", "Boolean:False");
    row("@(context.Response.StatusCode)",
        "error:System.NullReferenceException: Object reference not set to an instance of an "
        "object.");
    row("@(context.LastError.Reason)",
        "error:System.NullReferenceException: Object reference not set to an instance of an "
        "object.");
    row("@(context.Request.Method == \"GET\" ? 1 : 2)", "Int32:1");
    row("@(context.Request.Url.Host)", "String:gw.contoso.com");
    row("@(context.Deployment.Region == null)", "Boolean:False");
    row("@(context.Variables.Count == 0 && !context.Variables.ContainsKey(\"x\"))", "Boolean:True");
}

void tst_ExpressionEvaluator::beforeTheBackend()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    ExpressionContext context;
    context.request->method = QStringLiteral("GET");
    context.request->url = HttpUrl::fromUrl(QUrl(QStringLiteral("https://gw.contoso.com/api")));
    context.deployment->set(QStringLiteral("Region"), Value::fromString(QStringLiteral("East US")));
    QCOMPARE(ExpressionTestHelpers::evaluate(code, context), expected);
}

QTEST_GUILESS_MAIN(tst_ExpressionEvaluator)
#include "tst_expressionevaluator.moc"
