// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include "deploy/policydiff.h"
#include "deploy/policylocation.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace {

const QColor removedColor(255, 220, 220);
const QColor addedColor(215, 245, 215);
const QColor fillerColor(238, 238, 238);
constexpr int changedProperty = QTextFormat::UserProperty + 1;

QString statusMark(FileDiff::Status status)
{
    switch (status) {
    case FileDiff::Status::Added:
        return QStringLiteral("+ ");
    case FileDiff::Status::Removed:
        return QStringLiteral("− ");
    case FileDiff::Status::Changed:
        return QStringLiteral("~ ");
    case FileDiff::Status::Unchanged:
        break;
    }
    return QStringLiteral("  ");
}

// One side's rows: text, and the background of rows that are not the same on both sides.
struct SideRows
{
    QStringList lines;
    QList<std::optional<QColor>> marks;

    void add(const QString &line, std::optional<QColor> mark)
    {
        lines.append(line);
        marks.append(mark);
    }
};

QPlainTextEdit *createSide(QWidget *parent, const QString &name)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

void fill(QPlainTextEdit *edit, const SideRows &rows)
{
    edit->setPlainText(rows.lines.join(u'\n'));
    QList<QTextEdit::ExtraSelection> selections;
    for (int row = 0; row < rows.marks.size(); ++row) {
        if (!rows.marks.at(row))
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(edit->document()->findBlockByNumber(row));
        selection.format.setBackground(*rows.marks.at(row));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.format.setProperty(changedProperty, *rows.marks.at(row) != fillerColor);
        selections.append(selection);
    }
    edit->setExtraSelections(selections);
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_sources(new QStackedWidget(this))
    , m_leftScope(new QComboBox(this))
    , m_rightScope(new QComboBox(this))
    , m_folder(new QLineEdit(this))
    , m_files(new QListWidget(this))
    , m_left(createSide(this, QStringLiteral("DiffLeft")))
    , m_right(createSide(this, QStringLiteral("DiffRight")))
    , m_summary(new QLabel(this))
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("DiffView"));
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_files);
    sides->addWidget(titled(m_leftTitle, m_left));
    sides->addWidget(titled(m_rightTitle, m_right));
    sides->setStretchFactor(0, 1);
    sides->setStretchFactor(1, 3);
    sides->setStretchFactor(2, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    layout->addWidget(sides, 1);

    connect(m_left->verticalScrollBar(),
            &QScrollBar::valueChanged,
            m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(),
            &QScrollBar::valueChanged,
            m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_files, &QListWidget::currentRowChanged, this, &DiffView::showFile);
}

QWidget *DiffView::titled(QLabel *title, QWidget *side)
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(side, 1);
    return pane;
}

QWidget *DiffView::createControls()
{
    auto *controls = new QWidget(this);
    m_mode->addItem(tr("Two scopes"));
    m_mode->addItem(tr("Workspace against an APIOps folder"));
    auto *scopes = new QWidget(m_sources);
    auto *scopeLayout = new QHBoxLayout(scopes);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    scopeLayout->addWidget(m_leftScope, 1);
    scopeLayout->addWidget(new QLabel(QStringLiteral("↔"), scopes));
    scopeLayout->addWidget(m_rightScope, 1);
    auto *folder = new QWidget(m_sources);
    auto *folderLayout = new QHBoxLayout(folder);
    folderLayout->setContentsMargins(0, 0, 0, 0);
    auto *browseButton = new QPushButton(tr("Browse…"), folder);
    folderLayout->addWidget(m_folder, 1);
    folderLayout->addWidget(browseButton);
    m_sources->addWidget(scopes);
    m_sources->addWidget(folder);
    m_compare = new QPushButton(tr("&Compare"), controls);
    auto *layout = new QHBoxLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_sources, 1);
    layout->addWidget(m_compare);
    layout->addWidget(m_summary);
    connect(m_mode, &QComboBox::currentIndexChanged, m_sources, &QStackedWidget::setCurrentIndex);
    connect(browseButton, &QPushButton::clicked, this, &DiffView::browse);
    connect(m_compare, &QPushButton::clicked, this, &DiffView::compare);
    return controls;
}

void DiffView::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    const int left = m_leftScope->currentIndex();
    const int right = m_rightScope->currentIndex();
    m_leftScope->clear();
    m_rightScope->clear();
    for (const PolicyLocation &location : PolicyLocation::all(workspace)) {
        m_leftScope->addItem(location.displayName());
        m_rightScope->addItem(location.displayName());
    }
    m_leftScope->setCurrentIndex(std::max(0, left));
    m_rightScope->setCurrentIndex(right >= 0 ? right : std::min(1, m_rightScope->count() - 1));
}

void DiffView::browse()
{
    const QString directory
            = QFileDialog::getExistingDirectory(this, tr("Compare With Folder"), m_folder->text());
    if (!directory.isEmpty())
        m_folder->setText(directory);
}

void DiffView::compare()
{
    if (m_mode->currentIndex() == 0)
        compareScopes(m_leftScope->currentIndex(), m_rightScope->currentIndex());
    else
        compareWithFolder(m_folder->text());
}

void DiffView::compareScopes(int left, int right)
{
    const QList<PolicyLocation> locations = PolicyLocation::all(m_workspace);
    if (left < 0 || right < 0 || left >= locations.size() || right >= locations.size())
        return;
    m_mode->setCurrentIndex(0);
    m_leftScope->setCurrentIndex(left);
    m_rightScope->setCurrentIndex(right);
    const PolicyLocation &a = locations.at(left);
    const PolicyLocation &b = locations.at(right);
    m_leftTitle->setText(a.displayName());
    m_rightTitle->setText(b.displayName());
    showDiffs({PolicyDiff::compareText(a.displayName() + QStringLiteral(" ↔ ") + b.displayName(),
                                       a.find(m_workspace)->xml,
                                       b.find(m_workspace)->xml)});
}

void DiffView::compareWithFolder(const QString &directory)
{
    m_mode->setCurrentIndex(1);
    m_folder->setText(directory);
    m_leftTitle->setText(tr("Workspace (as exported now)"));
    m_rightTitle->setText(tr("Folder %1").arg(QDir::toNativeSeparators(directory)));
    QList<Diagnostic> problems;
    showDiffs(PolicyDiff::compareWithApiOpsFolder(m_workspace, directory, &problems));
    // The export's own lint findings belong to File > Export; here only what could not be read.
    for (const Diagnostic &problem : std::as_const(problems)) {
        if (problem.code == QLatin1String("deploy.diff-unreadable")) {
            m_summary->setText(m_summary->text() + QLatin1String(" — ") + problem.toString());
            break;
        }
    }
}

void DiffView::showDiffs(const QList<FileDiff> &diffs)
{
    m_diffs = diffs;
    m_files->clear();
    int changed = 0;
    int firstChanged = -1;
    for (int i = 0; i < diffs.size(); ++i) {
        const FileDiff &diff = diffs.at(i);
        auto *item = new QListWidgetItem(statusMark(diff.status) + diff.path, m_files);
        if (diff.status == FileDiff::Status::Unchanged) {
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            continue;
        }
        ++changed;
        if (firstChanged < 0)
            firstChanged = i;
    }
    m_summary->setText(changed == 0 ? tr("No differences")
                                    : tr("%n file(s) differ", nullptr, changed));
    m_files->setCurrentRow(firstChanged >= 0 ? firstChanged : 0);
    if (diffs.isEmpty())
        render({});
}

void DiffView::showFile(int index)
{
    if (index >= 0 && index < m_diffs.size())
        render(m_diffs.at(index));
}

void DiffView::render(const FileDiff &diff)
{
    SideRows left;
    SideRows right;
    QList<DiffLine> removed;
    QList<DiffLine> added;
    // A run of removals followed by additions is a change: its lines go side by side.
    auto flush = [&] {
        for (qsizetype i = 0; i < std::max(removed.size(), added.size()); ++i) {
            if (i < removed.size())
                left.add(removed.at(i).text, removedColor);
            else
                left.add({}, fillerColor);
            if (i < added.size())
                right.add(added.at(i).text, addedColor);
            else
                right.add({}, fillerColor);
        }
        removed.clear();
        added.clear();
    };
    for (const DiffLine &line : diff.lines) {
        switch (line.kind) {
        case DiffLine::Kind::Removed:
            if (!added.isEmpty())
                flush();
            removed.append(line);
            break;
        case DiffLine::Kind::Added:
            added.append(line);
            break;
        case DiffLine::Kind::Same:
            flush();
            left.add(line.text, std::nullopt);
            right.add(line.text, std::nullopt);
            break;
        }
    }
    flush();
    fill(m_left, left);
    fill(m_right, right);
}

QList<int> DiffView::changedRows(Side side) const
{
    QList<int> rows;
    for (const QTextEdit::ExtraSelection &selection : text(side)->extraSelections()) {
        if (selection.format.property(changedProperty).toBool())
            rows.append(selection.cursor.blockNumber());
    }
    return rows;
}
