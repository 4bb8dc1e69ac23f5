#pragma once

class QAction;
class QWidget;

namespace pr {

class MessageBar;
class PacketListModel;
class PacketListView;

// View > Go to Packet (Ctrl+G, as in Wireshark): asks for a packet number
// and selects its row; a number not in the list is answered in the message
// bar. Going back turns off following the newest packet (autoScroll).
void goToPacket(QWidget* parent, PacketListModel* model, PacketListView* view, MessageBar* messages,
                QAction* autoScroll);

} // namespace pr
