// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdiagramscene.h"
#include "flownodeitem.h"
#include "flowtracehighlighter.h"
#include "policy/policyparser.h"

#include <QTest>

using State = FlowNodeItem::TraceState;

namespace {

const char *const api = R"xml(<policies>
  <inbound>
    <choose>
      <when condition="@(true)" />
      <otherwise>
        <set-method>GET</set-method>
      </otherwise>
    </choose>
    <include-fragment fragment-id="frag" />
  </inbound>
</policies>
)xml";

const char *const fragment = R"xml(<fragment>
  <set-header name="a" />
</fragment>
)xml";

FlowNodeItem *findNode(const FlowDiagramScene &scene, const QString &elementName)
{
    for (FlowNodeItem *node : scene.nodes()) {
        if (node->elementName() == elementName)
            return node;
    }
    return nullptr;
}

} // namespace

// The request path on the diagram where the nodes alone cannot tell: a branch without policies
// that ran, and a collapsed fragment whose content ran.
class tst_FlowTraceHighlighter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pathThroughEmptyBranchesAndFragments_data();
    void pathThroughEmptyBranchesAndFragments();

private:
    TraceEvent policyEvent(const QString &policy,
                           PolicyScope scope,
                           const QString &document,
                           const SourceRange &range) const;

    PolicyDocument m_api;
    PolicyDocument m_fragment;
    FlowTraceHighlighter::Context m_context{PolicyScope::Api, QStringLiteral("api.xml")};
};

void tst_FlowTraceHighlighter::init()
{
    m_api = PolicyParser::parse(QString::fromUtf8(api)).document;
    m_fragment = PolicyParser::parse(QString::fromUtf8(fragment)).document;
    QVERIFY(m_api.isValid() && m_fragment.isValid());
}

TraceEvent tst_FlowTraceHighlighter::policyEvent(const QString &policy,
                                                 PolicyScope scope,
                                                 const QString &document,
                                                 const SourceRange &range) const
{
    TraceEvent event;
    event.kind = TraceEvent::Kind::Policy;
    event.section = QStringLiteral("inbound");
    event.policy = policy;
    event.scope = scope;
    event.document = document;
    event.range = range;
    return event;
}

void tst_FlowTraceHighlighter::pathThroughEmptyBranchesAndFragments_data()
{
    QTest::addColumn<QString>("branch"); // what the choose recorded
    QTest::addColumn<bool>("fragmentRan");
    QTest::addColumn<int>("when");
    QTest::addColumn<int>("otherwise");
    QTest::addColumn<int>("include");
    QTest::newRow("empty when taken, fragment ran")
            << "choose[1]/when[1]" << true << int(State::Taken) << int(State::Skipped)
            << int(State::Taken);
    QTest::newRow("otherwise taken, fragment skipped")
            << "choose[1]/otherwise[1]" << false << int(State::Skipped) << int(State::Taken)
            << int(State::Skipped);
}

void tst_FlowTraceHighlighter::pathThroughEmptyBranchesAndFragments()
{
    QFETCH(QString, branch);
    QFETCH(bool, fragmentRan);
    QFETCH(int, when);
    QFETCH(int, otherwise);
    QFETCH(int, include);

    const PolicyOrigin origin{
            PolicyScope::Fragment, QStringLiteral("frag.xml"), QStringLiteral("frag")};
    QList<PolicyNode> content;
    for (const PolicyNode *element : m_fragment.root().elements()) {
        content.append(*element);
        content.last().origin = origin;
    }
    FlowDiagramScene scene;
    scene.setPolicyDocument(m_api);
    scene.setExpansionProvider([content](const PolicyNode &element, const QString &) {
        return element.isElement(u"include-fragment") ? content : QList<PolicyNode>();
    });
    FlowNodeItem *includeNode = findNode(scene, QStringLiteral("include-fragment"));
    QVERIFY(includeNode && includeNode->childNodes().isEmpty());

    const PolicyNode *choose = m_api.section(u"inbound")->firstElement(u"choose");
    RequestTrace trace;
    TraceEvent section;
    section.kind = TraceEvent::Kind::Section;
    section.section = QStringLiteral("inbound");
    trace.events.append(section);
    TraceEvent chose = policyEvent(
            QStringLiteral("choose"), m_context.scope, m_context.document, choose->range);
    chose.value = branch;
    trace.events.append(chose);
    if (branch.endsWith(u"otherwise[1]")) {
        const PolicyNode *method = choose->firstElement(u"otherwise")->firstElement(u"set-method");
        trace.events.append(policyEvent(
                QStringLiteral("set-method"), m_context.scope, m_context.document, method->range));
    }
    if (fragmentRan) {
        trace.events.append(policyEvent(QStringLiteral("set-header"),
                                        origin.scope,
                                        origin.document,
                                        content.constFirst().range));
    }
    FlowTraceHighlighter::apply(scene, trace, m_context);

    QCOMPARE(int(findNode(scene, QStringLiteral("when"))->traceState()), when);
    QCOMPARE(int(findNode(scene, QStringLiteral("otherwise"))->traceState()), otherwise);
    QCOMPARE(int(findNode(scene, QStringLiteral("include-fragment"))->traceState()), include);
    QCOMPARE(findNode(scene, QStringLiteral("choose"))->traceState(), State::Taken);
}

QTEST_MAIN(tst_FlowTraceHighlighter)
#include "tst_flowtracehighlighter.moc"
