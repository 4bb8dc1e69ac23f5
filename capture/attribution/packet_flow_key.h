#pragma once

#include "capture/attribution/flow_endpoint.h"
#include "capture/engine/packet_view.h"

namespace pr {

// The TCP or UDP flow a captured frame belongs to, from its IPv4/IPv6 and
// port fields (VLAN tags left in the data are skipped, IPv6 extension
// headers followed). False for anything else: not IP, not TCP or UDP, a
// fragment other than the first, or headers cut short by the snaplen.
bool flowKeyOf(const PacketView& packet, FlowKey* key);

} // namespace pr
