#include "ui/programs/programs_view.h"

#include "ui/interfaces/sparkline_delegate.h"
#include "ui/programs/program_icon_provider.h"
#include "ui/programs/program_list_model.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace pr {

ProgramsView::ProgramsView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("programsView"));
    m_icons = new ProgramIconProvider(this);
    m_model = new ProgramListModel(this);
    m_model->setIconProvider(m_icons);
    m_proxy = new ProgramSortProxy(this);
    m_proxy->setSourceModel(m_model);
    // Rows follow their totals as they change, without a click on the header.
    m_proxy->setDynamicSortFilter(true);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("programsTree"));
    m_tree->setAccessibleName(tr("Programs"));
    m_tree->setModel(m_proxy);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setIconSize(QSize(16, 16));
    m_tree->setItemDelegateForColumn(ProgramListModel::Rate, new SparklineDelegate(m_tree));
    m_tree->sortByColumn(ProgramListModel::Rate, Qt::DescendingOrder);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ProgramListModel::Name, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    // Account names such as systemd-resolve.
    header->resizeSection(ProgramListModel::User, digit * 14);
    for (int column : {ProgramListModel::BytesIn, ProgramListModel::BytesOut})
        header->resizeSection(column, digit * 10);
    for (int column :
         {ProgramListModel::PacketsIn, ProgramListModel::PacketsOut, ProgramListModel::Connections})
        header->resizeSection(column, digit * 8);
    header->resizeSection(ProgramListModel::Rate, digit * 18);
    // Never narrower than the title (translations are longer than English).
    for (int column = ProgramListModel::User; column < ProgramListModel::ColumnCount; ++column)
        header->resizeSection(
            column, std::max(header->sectionSize(column), header->sectionSizeHint(column)));
    header->setMinimumSectionSize(digit * 4);

    m_hint = new QLabel(m_tree->viewport());
    m_hint->setObjectName(QStringLiteral("programsHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // the palette's disabled text: a quiet grey
    m_tree->viewport()->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);

    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const auto program = selectedProgram())
            emit programSelected(*program);
        else
            emit selectionCleared();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProgramsView::updateHint);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProgramsView::updateHint);
    setEmptyHint(tr("Programs appear here while recording, with “Show which program sent each "
                    "packet” on in the Options."));
}

std::optional<proto::ProgramInfo> ProgramsView::selectedProgram() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->program(m_proxy->mapToSource(rows.first()).row());
}

void ProgramsView::setEmptyHint(const QString& text)
{
    m_hint->setText(text);
    updateHint();
}

void ProgramsView::clearSelection()
{
    m_tree->selectionModel()->clearSelection();
    m_tree->setCurrentIndex({});
}

void ProgramsView::updateHint()
{
    m_hint->setVisible(m_model->rowCount() == 0 && !m_hint->text().isEmpty());
    m_hint->setGeometry(m_tree->viewport()->rect().adjusted(12, 12, -12, -12));
}

bool ProgramsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        updateHint();
    return QWidget::eventFilter(watched, event);
}

} // namespace pr
