// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyvalidator.h"

#include "expressionchecker.h"
#include "policyescaping.h"

#include <QDateTime>
#include <QHash>
#include <QUrl>

#include <algorithm>

namespace {

using Type = PolicyValueSpec::Type;

struct Context
{
    PolicySection section = PolicySection::None; // None in fragments and snippets
    PolicyScope scope = PolicyScope::None;
    bool inFragment = false;
};

SourcePosition advance(SourcePosition position, QStringView raw, qsizetype count)
{
    for (qsizetype i = 0; i < count && i < raw.size(); ++i) {
        const bool lineBreak
                = raw.at(i) == u'\n'
                  || (raw.at(i) == u'\r' && (i + 1 == raw.size() || raw.at(i + 1) != u'\n'));
        if (lineBreak) {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
        ++position.offset;
    }
    return position;
}

// The part of [begin of raw, ...) that holds raw.mid(from, length).
SourceRange subRange(const SourcePosition &begin, QStringView raw, qsizetype from, qsizetype length)
{
    if (!begin.isValid())
        return {};
    const SourcePosition start = advance(begin, raw, from);
    return {start, advance(start, raw.mid(from), length)};
}

qsizetype leadingSpaces(QStringView text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n).isSpace())
        ++n;
    return n;
}

// A value as the validator checks it: the decoded text, its source form and where that is.
struct ValueSite
{
    QString value;
    QString raw;
    SourceRange range;
    QString owner;     // element name
    QString attribute; // empty for text
};

bool isNamedValueName(QStringView name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
    });
}

QString describe(const ValueSite &site)
{
    return site.attribute.isEmpty()
                   ? QStringLiteral("the text of '%1'").arg(site.owner)
                   : QStringLiteral("attribute '%1' of '%2'").arg(site.attribute, site.owner);
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
    return quoted.join(QLatin1String(", "));
}

class ValidationRun
{
public:
    ValidationRun(const PolicySchema &schema, const ExpressionChecker *checker, PolicyScope scope)
        : m_schema(schema)
        , m_checker(checker)
        , m_scope(scope)
    {}

    QList<Diagnostic> run(const PolicyDocument &document)
    {
        if (!document.isValid())
            return {};
        const PolicyNode &root = document.root();
        switch (document.kind) {
        case PolicyDocument::Kind::Policies:
            policiesRoot(root);
            break;
        case PolicyDocument::Kind::Fragment:
            policyList(root, Context{PolicySection::None, m_scope, true}, false);
            checkOncePer(root, false);
            checkOncePer(root, true);
            break;
        case PolicyDocument::Kind::Snippet:
            snippet(root);
            break;
        }
        return m_diagnostics;
    }

private:
    static QString sentence(QString message)
    {
        if (!message.isEmpty())
            message[0] = message.at(0).toUpper();
        return message;
    }
    void error(const QString &code, const QString &message, const SourceRange &range)
    {
        m_diagnostics.append(Diagnostic::error(code, sentence(message), range));
        m_diagnostics.last().file = m_originDocument;
    }
    void warning(const QString &code, const QString &message, const SourceRange &range)
    {
        m_diagnostics.append(Diagnostic::warning(code, sentence(message), range));
        m_diagnostics.last().file = m_originDocument;
    }

    // In an effective document, positions belong to the file each node came from.
    class OriginScope
    {
    public:
        OriginScope(ValidationRun &run, const PolicyNode &node)
            : m_run(run)
            , m_saved(run.m_originDocument)
        {
            if (!node.origin.document.isEmpty())
                run.m_originDocument = node.origin.document;
        }
        ~OriginScope() { m_run.m_originDocument = m_saved; }
        Q_DISABLE_COPY_MOVE(OriginScope)

    private:
        ValidationRun &m_run;
        QString m_saved;
    };

    void policiesRoot(const PolicyNode &root)
    {
        QHash<QString, int> seen;
        for (const PolicyNode &child : root.children) {
            if (!child.isElement()) {
                unexpectedText(child, root.name);
                continue;
            }
            const PolicySection section = policySectionFromName(child.name);
            if (section != PolicySection::None) {
                if (++seen[child.name] > 1) {
                    error(QStringLiteral("schema.duplicate-section"),
                          QStringLiteral("Section '%1' appears more than once").arg(child.name),
                          child.startTagRange);
                }
                policyList(child, Context{section, m_scope, false}, true);
                checkOncePer(child, false);
            } else if (m_schema.policy(child.name)) {
                error(QStringLiteral("schema.policy-outside-section"),
                      QStringLiteral("Policy '%1' must be inside a section (inbound, backend, "
                                     "outbound or on-error)")
                              .arg(child.name),
                      child.startTagRange);
            } else {
                error(QStringLiteral("schema.unknown-section"),
                      QStringLiteral("Unknown section '%1': expected inbound, backend, outbound "
                                     "or on-error")
                              .arg(child.name),
                      child.startTagRange);
            }
        }
        checkOncePer(root, true, true);
    }

    void snippet(const PolicyNode &root)
    {
        const PolicySection section = policySectionFromName(root.name);
        if (section != PolicySection::None) {
            policyList(root, Context{section, m_scope, false}, true);
            checkOncePer(root, false);
            return;
        }
        if (root.name == QLatin1String("base")) {
            misplacedBase(root, Context{});
            return;
        }
        policy(root, Context{PolicySection::None, m_scope, false});
    }

    void unexpectedText(const PolicyNode &node, const QString &parentName)
    {
        if ((node.kind != PolicyNode::Kind::Text && node.kind != PolicyNode::Kind::CData)
            || node.text.trimmed().isEmpty()) {
            return;
        }
        error(QStringLiteral("schema.unexpected-text"),
              QStringLiteral("Text is not allowed in '%1'").arg(parentName),
              trimmedRange(node));
    }

    static SourceRange trimmedRange(const PolicyNode &text)
    {
        const QString &raw = text.kind == PolicyNode::Kind::Text ? text.rawText : text.text;
        const qsizetype lead = leadingSpaces(raw);
        const qsizetype length = raw.trimmed().size();
        if (text.kind == PolicyNode::Kind::CData || !text.range.begin.isValid())
            return text.range;
        return subRange(text.range.begin, raw, lead, length);
    }

    void misplacedBase(const PolicyNode &node, const Context &context)
    {
        if (context.inFragment) {
            error(QStringLiteral("schema.base-in-fragment"),
                  QStringLiteral("<base/> is not allowed in a policy fragment"),
                  node.startTagRange);
        } else {
            error(QStringLiteral("schema.misplaced-base"),
                  QStringLiteral("<base/> must be a direct child of a section"),
                  node.startTagRange);
        }
    }

    // The policies of a section, a fragment or a policy container (when, retry...).
    void policyList(const PolicyNode &container, const Context &context, bool isSection)
    {
        int bases = 0;
        for (const PolicyNode &child : container.children) {
            const OriginScope origin(*this, child);
            if (!child.isElement()) {
                unexpectedText(child, container.name);
                continue;
            }
            if (child.name == QLatin1String("base")) {
                if (!isSection) {
                    misplacedBase(child, context);
                } else if (++bases > 1) {
                    error(QStringLiteral("schema.duplicate-base"),
                          QStringLiteral("<base/> appears more than once in section '%1'")
                                  .arg(container.name),
                          child.startTagRange);
                }
                baseElement(child);
            } else if (PolicySchema::isSectionName(child.name)) {
                const bool fragmentTop = context.inFragment && container.name == u"fragment";
                error(fragmentTop ? QStringLiteral("schema.section-in-fragment")
                                  : QStringLiteral("schema.misplaced-section"),
                      fragmentTop ? QStringLiteral("Section '%1' is not allowed in a policy "
                                                   "fragment")
                                            .arg(child.name)
                                  : QStringLiteral("Section '%1' cannot be nested in '%2'")
                                            .arg(child.name, container.name),
                      child.startTagRange);
            } else if (context.inFragment && child.name == QLatin1String("include-fragment")) {
                error(QStringLiteral("schema.fragment-in-fragment"),
                      QStringLiteral("A policy fragment cannot include another fragment"),
                      child.startTagRange);
            } else {
                policy(child, context);
            }
        }
    }

    void baseElement(const PolicyNode &node)
    {
        for (const PolicyAttribute &attribute : node.attributes) {
            error(QStringLiteral("schema.unknown-attribute"),
                  QStringLiteral("Unknown attribute '%1' on 'base'").arg(attribute.name),
                  attribute.range);
        }
        for (const PolicyNode &child : node.children) {
            if (child.isElement() || !child.text.trimmed().isEmpty()) {
                error(QStringLiteral("schema.unexpected-content"),
                      QStringLiteral("<base/> takes no content"),
                      child.isElement() ? child.startTagRange : trimmedRange(child));
            }
        }
    }

    PolicyScope scopeOf(const PolicyNode &node, const Context &context) const
    {
        switch (node.origin.scope) {
        case PolicyScope::Global:
        case PolicyScope::Product:
        case PolicyScope::Api:
        case PolicyScope::Operation:
            return node.origin.scope;
        case PolicyScope::None:
        case PolicyScope::Fragment:
            break;
        }
        return context.scope;
    }

    void policy(const PolicyNode &node, const Context &context)
    {
        const OriginScope origin(*this, node);
        const PolicyElementSpec *spec = m_schema.policy(node.name);
        if (!spec) {
            error(QStringLiteral("schema.unknown-element"),
                  QStringLiteral("Unknown policy '%1'").arg(node.name),
                  node.startTagRange);
            return;
        }
        if (context.section != PolicySection::None && !spec->sections.testFlag(context.section)) {
            error(QStringLiteral("schema.misplaced-policy"),
                  QStringLiteral("Policy '%1' is not allowed in the %2 section (allowed in: %3)")
                          .arg(node.name,
                               policySectionName(context.section),
                               policySectionNames(spec->sections)),
                  node.startTagRange);
        }
        const PolicyScope scope = scopeOf(node, context);
        if (scope != PolicyScope::None && !spec->scopes.isEmpty()
            && !spec->scopes.contains(scope)) {
            QStringList allowed;
            for (PolicyScope s : spec->scopes)
                allowed.append(policyScopeName(s));
            error(QStringLiteral("schema.misplaced-scope"),
                  QStringLiteral("Policy '%1' is not allowed at %2 scope (allowed at: %3)")
                          .arg(node.name,
                               policyScopeName(scope),
                               allowed.join(QLatin1String(", "))),
                  node.startTagRange);
        }
        element(node, *spec, context);
    }

    void element(const PolicyNode &node, const PolicyElementSpec &spec, const Context &context)
    {
        const OriginScope origin(*this, node);
        attributes(node, spec, context);
        text(node, spec, context);
        switch (spec.childMode) {
        case PolicyElementSpec::Children::Listed:
            listedChildren(node, spec, context);
            break;
        case PolicyElementSpec::Children::Policies:
            policyList(node, context, false);
            break;
        case PolicyElementSpec::Children::Any:
            break;
        }
    }

    void attributes(const PolicyNode &node, const PolicyElementSpec &spec, const Context &context)
    {
        for (const PolicyAttribute &attribute : node.attributes) {
            const ValueSite site{attribute.value,
                                 attribute.rawValue,
                                 attribute.valueRange,
                                 node.name,
                                 attribute.name};
            if (const PolicyAttributeSpec *attributeSpec = spec.attribute(attribute.name)) {
                value(site, attributeSpec->value, context);
            } else if (spec.open) {
                value(site, PolicyValueSpec{}, context);
            } else {
                error(QStringLiteral("schema.unknown-attribute"),
                      QStringLiteral("Unknown attribute '%1' on '%2'")
                              .arg(attribute.name, node.name),
                      attribute.range);
            }
        }
        for (const PolicyAttributeSpec &attributeSpec : spec.attributes) {
            if (attributeSpec.required && !node.hasAttribute(attributeSpec.name)) {
                error(QStringLiteral("schema.missing-attribute"),
                      QStringLiteral("'%1' requires attribute '%2'")
                              .arg(node.name, attributeSpec.name),
                      node.startTagRange);
            }
        }
        for (const QStringList &group : spec.requireOneOf) {
            if (std::none_of(group.cbegin(), group.cend(), [&](const QString &name) {
                    return node.hasAttribute(name);
                })) {
                error(QStringLiteral("schema.missing-attribute"),
                      QStringLiteral("'%1' requires one of the attributes %2")
                              .arg(node.name, quotedList(group)),
                      node.startTagRange);
            }
        }
        for (const QStringList &group : spec.mutuallyExclusive) {
            const PolicyAttribute *first = nullptr;
            for (const PolicyAttribute &attribute : node.attributes) {
                if (!group.contains(attribute.name))
                    continue;
                if (!first) {
                    first = &attribute;
                    continue;
                }
                error(QStringLiteral("schema.exclusive-attributes"),
                      QStringLiteral("Attributes '%1' and '%2' cannot be used together on '%3'")
                              .arg(first->name, attribute.name, node.name),
                      attribute.range);
            }
        }
    }

    void text(const PolicyNode &node, const PolicyElementSpec &spec, const Context &context)
    {
        QList<const PolicyNode *> texts;
        bool hasElements = false;
        for (const PolicyNode &child : node.children) {
            hasElements = hasElements || child.isElement();
            if ((child.kind == PolicyNode::Kind::Text || child.kind == PolicyNode::Kind::CData)
                && !child.text.trimmed().isEmpty()) {
                texts.append(&child);
            }
        }
        if (spec.childMode == PolicyElementSpec::Children::Any) {
            // Opaque content (a body, a template) is checked only when it is one expression.
            if (!hasElements && texts.size() == 1
                && PolicyEscaping::isExpression(texts.first()->text))
                value(textSite(node, *texts.first()), spec.textValue, context);
            return;
        }
        if (spec.text == PolicyElementSpec::Text::None) {
            if (!spec.open) {
                for (const PolicyNode *text : texts)
                    unexpectedText(*text, node.name);
            }
            return;
        }
        if (texts.isEmpty()) {
            if (spec.text == PolicyElementSpec::Text::Required) {
                error(QStringLiteral("schema.missing-text"),
                      QStringLiteral("'%1' requires a value as its text").arg(node.name),
                      node.startTagRange);
            }
            return;
        }
        if (texts.size() == 1) {
            value(textSite(node, *texts.first()), spec.textValue, context);
        }
    }

    static ValueSite textSite(const PolicyNode &owner, const PolicyNode &text)
    {
        const QString &raw = text.kind == PolicyNode::Kind::Text ? text.rawText : text.text;
        return ValueSite{
                text.text.trimmed(), raw.trimmed(), trimmedRange(text), owner.name, QString()};
    }

    void listedChildren(const PolicyNode &node,
                        const PolicyElementSpec &spec,
                        const Context &context)
    {
        QHash<QString, int> counts;
        const PolicyNode *mustBeLast = nullptr;
        for (const PolicyNode *child : node.elements()) {
            if (mustBeLast) {
                error(QStringLiteral("schema.must-be-last"),
                      QStringLiteral("'%1' must be the last element of '%2'")
                              .arg(mustBeLast->name, node.name),
                      mustBeLast->startTagRange);
                mustBeLast = nullptr;
            }
            const PolicyElementSpec *childSpec = spec.child(child->name);
            if (!childSpec) {
                if (!spec.open)
                    unknownChild(*child, node, spec);
                continue;
            }
            const int count = ++counts[child->name];
            if (childSpec->maxOccurs >= 0 && count > childSpec->maxOccurs) {
                error(QStringLiteral("schema.too-many-elements"),
                      childSpec->maxOccurs == 1
                              ? QStringLiteral("'%1' may appear only once in '%2'")
                                        .arg(child->name, node.name)
                              : QStringLiteral("'%1' may appear at most %3 times in '%2'")
                                        .arg(child->name, node.name)
                                        .arg(childSpec->maxOccurs),
                      child->startTagRange);
            }
            if (childSpec->mustBeLast)
                mustBeLast = child;
            if (const PolicyElementSpec *resolved = m_schema.resolve(*childSpec))
                element(*child, *resolved, context);
        }
        for (const PolicyElementSpec &childSpec : spec.children) {
            if (counts.value(childSpec.name) >= childSpec.minOccurs
                || isOptionalHere(node, childSpec))
                continue;
            error(QStringLiteral("schema.missing-element"),
                  childSpec.minOccurs == 1
                          ? QStringLiteral("'%1' requires a '%2' element")
                                    .arg(node.name, childSpec.name)
                          : QStringLiteral("'%1' requires at least %3 '%2' elements")
                                    .arg(node.name, childSpec.name)
                                    .arg(childSpec.minOccurs),
                  node.startTagRange);
        }
    }

    static bool isOptionalHere(const PolicyNode &node, const PolicyElementSpec &childSpec)
    {
        const qsizetype equals = childSpec.optionalWhen.indexOf(u'=');
        if (equals < 0)
            return false;
        const PolicyAttribute *attribute
                = node.findAttribute(QStringView(childSpec.optionalWhen).left(equals));
        return attribute
               && attribute->value.trimmed() == QStringView(childSpec.optionalWhen).mid(equals + 1);
    }

    void unknownChild(const PolicyNode &child,
                      const PolicyNode &parent,
                      const PolicyElementSpec &spec)
    {
        const QStringList expected = spec.childNames();
        error(QStringLiteral("schema.unknown-element"),
              expected.isEmpty() ? QStringLiteral("'%1' takes no child elements (found '%2')")
                                           .arg(parent.name, child.name)
                                 : QStringLiteral("'%1' is not allowed in '%2' (expected %3)")
                                           .arg(child.name, parent.name, quotedList(expected)),
              child.startTagRange);
    }

    void value(const ValueSite &site, const PolicyValueSpec &spec, const Context &context)
    {
        if (PolicyEscaping::isExpression(site.value)) {
            if (!spec.expressionAllowed) {
                error(QStringLiteral("schema.expression-not-allowed"),
                      QStringLiteral("Policy expressions are not allowed in %1")
                              .arg(describe(site)),
                      site.range);
            } else if (m_checker) {
                m_diagnostics.append(m_checker->check(ExpressionSite{site.value,
                                                                     site.raw,
                                                                     site.range,
                                                                     site.owner,
                                                                     site.attribute,
                                                                     spec.type,
                                                                     context.section}));
            }
            return;
        }
        // Named values are substituted before the value is read, so a literal holding one can
        // only be checked once it is known.
        if (namedValues(site))
            return;
        literal(site, spec);
    }

    // Warns about malformed {{name}} references; true when the value holds one at all.
    bool namedValues(const ValueSite &site)
    {
        const QString &raw = site.raw;
        qsizetype open = raw.indexOf(QLatin1String("{{"));
        const bool any = open >= 0;
        while (open >= 0) {
            const qsizetype close = raw.indexOf(QLatin1String("}}"), open + 2);
            if (close < 0) {
                warning(QStringLiteral("named-value.unterminated"),
                        QStringLiteral("Named value reference '%1' has no closing '}}'")
                                .arg(raw.mid(open)),
                        subRange(site.range.begin, raw, open, raw.size() - open));
                break;
            }
            const QStringView name = QStringView(raw).mid(open + 2, close - open - 2);
            if (!isNamedValueName(name)) {
                warning(QStringLiteral("named-value.invalid-name"),
                        QStringLiteral("'{{%1}}' is not a named value reference: names use "
                                       "letters, digits, '.', '_' and '-'")
                                .arg(name),
                        subRange(site.range.begin, raw, open, close + 2 - open));
            }
            open = raw.indexOf(QLatin1String("{{"), close + 2);
        }
        return any;
    }

    void literal(const ValueSite &site, const PolicyValueSpec &spec)
    {
        const QString trimmed = site.value.trimmed();
        switch (spec.type) {
        case Type::String:
            return;
        case Type::Integer:
            integer(site, spec, trimmed);
            return;
        case Type::Number: {
            bool ok = false;
            trimmed.toDouble(&ok);
            if (!ok)
                invalid(site, QStringLiteral("a number"));
            return;
        }
        case Type::Boolean:
            if (trimmed.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0
                && trimmed.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0) {
                invalid(site, QStringLiteral("true or false"));
            }
            return;
        case Type::Enum:
            enumeration(site, spec, trimmed);
            return;
        case Type::Url:
            url(site, trimmed);
            return;
        case Type::HttpMethod:
            if (trimmed.isEmpty() || !std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) {
                    return c.isLetter() || c == u'-';
                })) {
                invalid(site, QStringLiteral("an HTTP method such as GET or POST"));
            }
            return;
        case Type::Char:
            if (site.value.size() != 1)
                invalid(site, QStringLiteral("a single character"));
            return;
        case Type::DateTime:
            if (!QDateTime::fromString(trimmed, Qt::ISODate).isValid())
                invalid(site, QStringLiteral("an ISO 8601 date and time"));
            return;
        }
    }

    void invalid(const ValueSite &site, const QString &expected)
    {
        error(QStringLiteral("schema.invalid-value"),
              QStringLiteral("'%1' is not valid for %2: expected %3")
                      .arg(site.value, describe(site), expected),
              site.range);
    }

    void integer(const ValueSite &site, const PolicyValueSpec &spec, const QString &trimmed)
    {
        bool ok = false;
        const qint64 number = trimmed.toLongLong(&ok);
        if (!ok) {
            invalid(site, QStringLiteral("an integer"));
            return;
        }
        const bool belowMinimum = spec.minimum && number < *spec.minimum;
        const bool aboveMaximum = spec.maximum && number > *spec.maximum;
        if (belowMinimum || aboveMaximum) {
            const QString bounds = spec.maximum && spec.minimum
                                           ? QStringLiteral("between %1 and %2")
                                                     .arg(*spec.minimum)
                                                     .arg(*spec.maximum)
                                   : spec.minimum ? QStringLiteral("at least %1").arg(*spec.minimum)
                                                  : QStringLiteral("at most %1").arg(*spec.maximum);
            error(QStringLiteral("schema.out-of-range"),
                  QStringLiteral("%1 must be %2 (found %3)")
                          .arg(describe(site), bounds)
                          .arg(number),
                  site.range);
        } else if (spec.recommendedMaximum && number > *spec.recommendedMaximum) {
            warning(QStringLiteral("schema.not-honoured"),
                    QStringLiteral("APIM may not honour %1 above %2 (found %3)")
                            .arg(describe(site))
                            .arg(*spec.recommendedMaximum)
                            .arg(number),
                    site.range);
        }
    }

    void enumeration(const ValueSite &site, const PolicyValueSpec &spec, const QString &trimmed)
    {
        if (spec.enumValues.contains(trimmed))
            return;
        if (spec.enumValues.contains(trimmed, Qt::CaseInsensitive)) {
            warning(QStringLiteral("schema.enum-case"),
                    QStringLiteral("'%1' for %2 is usually written in lower case")
                            .arg(trimmed, describe(site)),
                    site.range);
            return;
        }
        invalid(site, QStringLiteral("one of %1").arg(quotedList(spec.enumValues)));
    }

    void url(const ValueSite &site, const QString &trimmed)
    {
        if (trimmed.isEmpty()) {
            warning(QStringLiteral("schema.empty-value"),
                    QStringLiteral("%1 is empty").arg(describe(site)),
                    site.range.isValid() ? site.range : SourceRange{});
            return;
        }
        // APIM resolves URLs when the request runs; published snippets keep placeholders such as
        // https://{account}.example, so a malformed URL is a warning, not a save-time error.
        const QUrl parsed(trimmed, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.scheme().isEmpty() || parsed.host().isEmpty()) {
            warning(QStringLiteral("schema.invalid-url"),
                    QStringLiteral("'%1' in %2 is not an absolute URL")
                            .arg(trimmed, describe(site)),
                    site.range);
        }
    }

    // Once-per rules count occurrences on one execution path: the branches of a <choose> are
    // alternatives, so a policy used once in each branch is used once.
    // container: a section or fragment, or with acrossSections the <policies> root.
    void checkOncePer(const PolicyNode &container, bool perDocument, bool acrossSections = false)
    {
        QHash<QString, int> occurrences;
        if (acrossSections) {
            for (const PolicyNode &section : container.children) {
                if (section.isElement() && PolicySchema::isSectionName(section.name))
                    countReachable(section, occurrences);
            }
        } else {
            countReachable(container, occurrences);
        }
        for (const PolicyElementSpec *spec : m_schema.policies()) {
            if (perDocument ? !spec->oncePerDocument : !spec->oncePerSection)
                continue;
            if (occurrences.value(spec->name) < 2)
                continue;
            if (!acrossSections) {
                countOnPath(container, *spec, 0, perDocument);
                continue;
            }
            int count = 0;
            for (const PolicyNode *section : container.elements()) {
                if (PolicySchema::isSectionName(section->name))
                    count = countOnPath(*section, *spec, count, perDocument);
            }
        }
    }

    // How often each policy name occurs where countOnPath looks, on all paths together: one
    // walk for all the once-per rules, after which only a policy found twice needs its own walk
    // (a single occurrence is never repeated on a path).
    void countReachable(const PolicyNode &container, QHash<QString, int> &occurrences) const
    {
        for (const PolicyNode &child : container.children) {
            if (!child.isElement())
                continue;
            ++occurrences[child.name];
            if (child.name == QLatin1String("choose")) {
                for (const PolicyNode &branch : child.children) {
                    if (branch.isElement())
                        countReachable(branch, occurrences);
                }
            } else if (const PolicyElementSpec *childSpec = m_schema.policy(child.name);
                       childSpec && childSpec->childMode != PolicyElementSpec::Children::Any) {
                countReachable(child, occurrences);
            }
        }
    }

    int countOnPath(const PolicyNode &container,
                    const PolicyElementSpec &spec,
                    int count,
                    bool perDocument)
    {
        for (const PolicyNode *child : container.elements()) {
            if (child->name == spec.name) {
                const OriginScope origin(*this, *child);
                if (++count > 1) {
                    error(perDocument ? QStringLiteral("schema.once-per-document")
                                      : QStringLiteral("schema.once-per-section"),
                          QStringLiteral("Policy '%1' may be used only once per %2")
                                  .arg(spec.name,
                                       perDocument ? QStringLiteral("policy document")
                                                   : QStringLiteral("section")),
                          child->startTagRange);
                }
            } else if (child->name == QLatin1String("choose")) {
                int most = count;
                for (const PolicyNode *branch : child->elements())
                    most = std::max(most, countOnPath(*branch, spec, count, perDocument));
                count = most;
            } else if (const PolicyElementSpec *childSpec = m_schema.policy(child->name);
                       childSpec && childSpec->childMode != PolicyElementSpec::Children::Any) {
                count = countOnPath(*child, spec, count, perDocument);
            }
        }
        return count;
    }

    const PolicySchema &m_schema;
    const ExpressionChecker *m_checker = nullptr;
    PolicyScope m_scope = PolicyScope::None;
    QList<Diagnostic> m_diagnostics;
    QString m_originDocument;
};

} // namespace

PolicyValidator::PolicyValidator(const PolicySchema &schema,
                                 const ExpressionChecker *expressionChecker)
    : m_schema(schema)
    , m_expressionChecker(expressionChecker)
{}

QList<Diagnostic> PolicyValidator::validate(const PolicyDocument &document,
                                            PolicyScope scope,
                                            const QString &fileName) const
{
    QList<Diagnostic> diagnostics
            = ValidationRun(m_schema, m_expressionChecker, scope).run(document);
    for (Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.file.isEmpty())
            diagnostic.file = fileName;
    }
    return diagnostics;
}
