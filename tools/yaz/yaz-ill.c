/*
 * yaz-ill: illbridge's interoperability helper, built against Index Data's YAZ (libyaz-dev).
 *
 *   yaz-ill vectors DIR          write test vectors (BER APDUs encoded by YAZ) into DIR
 *   yaz-ill varied DIR SEED N    write N more APDUs of the same kinds into DIR, every ILL-String in
 *                                them text of a random length (1-300 bytes, some of it UTF-8) drawn
 *                                from SEED: a set no test was written against, for benchmarks
 *   yaz-ill check FILE...        decode each file with YAZ and encode it again into FILE.yaz;
 *                                prints "FILE<TAB>identical" (YAZ's bytes are the input's),
 *                                "decoded" (same values, another BER form) or
 *                                "undecodable <error> at <offset>"; exit 1 if any is undecodable
 *   yaz-ill print FILE           YAZ's field-by-field print of the APDU
 *   yaz-ill bench ROUNDS FILE... YAZ's own decode and encode throughput over the files
 *   yaz-ill serve PORT SYMBOL    a minimal ISO ILL partner named SYMBOL on 127.0.0.1:PORT: it answers
 *                                each Status-Query on its connection with a Status-Or-Error-Report
 *                                (the state it saw: in-process after an ILL-Request, cancel-pending
 *                                after a Cancel), an undecodable APDU with an error report, and
 *                                nothing else (those wait for a person); one line per APDU on stdout
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <yaz/odr.h>
#include <yaz/ill.h>
#include <yaz/oclc-ill-req-ext.h>

static ODR o; /* all vector values live in this stream's memory */

static void *mk(size_t n) { void *p = odr_malloc(o, n); memset(p, 0, n); return p; }
#define NEW(T) ((T *) mk(sizeof(T)))

static Odr_int *num(long v) { Odr_int *p = NEW(Odr_int); *p = v; return p; }
static Odr_bool *flag(int v) { Odr_bool *p = NEW(Odr_bool); *p = v; return p; }
static char *text(const char *s) { return odr_strdup(o, s); }

/* varied mode: each ILL-String is random text instead of the vector's own (a linear congruential
   generator, so that a seed gives the same set on every machine) */
static int varied;
static int varied_count; /* how many to write in varied mode */
static unsigned long long lcg_state;

static unsigned next_random(unsigned bound)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned) (lcg_state >> 33) % bound;
}

static char *random_text(void)
{
    /* mostly short values as in real requests, now and then a long one (a long-form length) */
    unsigned len = next_random(10) == 0 ? 128 + next_random(173) : 1 + next_random(40);
    char *r = odr_malloc(o, 2 * len + 1), *p = r;
    unsigned i;
    for (i = 0; i < len; i++) {
        if (next_random(12) == 0) { /* a letter with a diacritic, two bytes of UTF-8 */
            *p++ = (char) 0xC3;
            *p++ = (char) (0xA0 + next_random(0x1F));
        } else {
            *p++ = (char) (' ' + next_random(95));
        }
    }
    *p = 0;
    return r;
}

static ILL_String *gs(const char *s)
{
    ILL_String *r = NEW(ILL_String);
    r->which = ILL_String_GeneralString;
    r->u.GeneralString = varied ? random_text() : text(s);
    return r;
}

static ILL_String *edifact(const char *s)
{
    ILL_String *r = NEW(ILL_String);
    r->which = ILL_String_EDIFACTString;
    r->u.EDIFACTString = text(s);
    return r;
}

static ILL_System_Id *system_id(const char *symbol, const char *institution)
{
    ILL_System_Id *id = NEW(ILL_System_Id);
    if (symbol) {
        id->person_or_institution_symbol = NEW(ILL_Person_Or_Institution_Symbol);
        id->person_or_institution_symbol->which = ILL_Person_Or_Institution_Symbol_institution_symbol;
        id->person_or_institution_symbol->u.institution_symbol = gs(symbol);
    }
    if (institution) {
        id->name_of_person_or_institution = NEW(ILL_Name_Of_Person_Or_Institution);
        id->name_of_person_or_institution->which = ILL_Name_Of_Person_Or_Institution_name_of_institution;
        id->name_of_person_or_institution->u.name_of_institution = gs(institution);
    }
    return id;
}

static ILL_System_Address *system_address(const char *service, const char *address)
{
    ILL_System_Address *a = NEW(ILL_System_Address);
    a->telecom_service_identifier = service ? gs(service) : 0;
    a->telecom_service_address = address ? gs(address) : 0;
    return a;
}

static ILL_Transaction_Id *transaction_id(const char *group, const char *qualifier)
{
    ILL_Transaction_Id *t = NEW(ILL_Transaction_Id);
    t->transaction_group_qualifier = gs(group);
    t->transaction_qualifier = gs(qualifier);
    return t;
}

static ILL_Service_Date_Time *service_date_time(const char *date, const char *time)
{
    ILL_Service_Date_Time *s = NEW(ILL_Service_Date_Time);
    s->date_time_of_this_service = NEW(ILL_Service_Date_this);
    s->date_time_of_this_service->date = text(date);
    s->date_time_of_this_service->time = time ? text(time) : 0;
    return s;
}

static ILL_Postal_Address *postal_address(const char *name, const char *street, const char *city,
                                          const char *region, const char *code)
{
    ILL_Postal_Address *p = NEW(ILL_Postal_Address);
    p->name_of_person_or_institution = NEW(ILL_Name_Of_Person_Or_Institution);
    p->name_of_person_or_institution->which = ILL_Name_Of_Person_Or_Institution_name_of_institution;
    p->name_of_person_or_institution->u.name_of_institution = gs(name);
    p->street_and_number = gs(street);
    p->city = gs(city);
    p->region = region ? gs(region) : 0;
    p->country = gs("US");
    p->postal_code = gs(code);
    return p;
}

static ILL_Amount *amount(const char *currency, const char *value)
{
    ILL_Amount *a = NEW(ILL_Amount);
    a->currency_code = currency ? text(currency) : 0;
    a->monetary_value = text(value);
    return a;
}

static ILL_Date_Due *date_due(const char *date, int renewable)
{
    ILL_Date_Due *d = NEW(ILL_Date_Due);
    d->date_due_field = text(date);
    d->renewable = flag(renewable);
    return d;
}

static ILL_Location_Info **locations(int *count)
{
    ILL_Location_Info **list = mk(2 * sizeof(*list));
    list[0] = NEW(ILL_Location_Info);
    list[0]->location_id = system_id("ZAP", 0);
    list[0]->location_address = system_address("TCP/IP", "ill.zap.example.org:1611");
    list[0]->location_note = gs("try them first");
    list[1] = NEW(ILL_Location_Info);
    list[1]->location_id = system_id("OCL", "OCLC Library");
    *count = 2;
    return list;
}

/* Encodes a value with a YAZ codec into bytes kept in o's memory. */
typedef int (*codec)(ODR, void **, int, const char *);
static Odr_any *encode_any(codec f, void *value)
{
    ODR e = odr_createmem(ODR_ENCODE);
    int len;
    char *buf;
    Odr_any *any = NEW(Odr_any);
    if (!f(e, &value, 0, 0)) {
        fprintf(stderr, "yaz-ill: cannot encode an extension value (error %d)\n", odr_geterror(e));
        exit(2);
    }
    buf = odr_getbuf(e, &len, 0);
    any->buf = mk(len);
    memcpy(any->buf, buf, len);
    any->len = len;
    odr_destroy(e);
    return any;
}

static Odr_external *external(const char *oid, Odr_any *content)
{
    Odr_external *x = NEW(Odr_external);
    x->direct_reference = odr_getoidbystr(o, oid);
    x->which = ODR_EXTERNAL_single;
    x->u.single_ASN1_type = content;
    return x;
}

static ILL_Extension *extension(int critical, Odr_external *x)
{
    ILL_Extension *e = NEW(ILL_Extension);
    e->identifier = num(1);
    e->critical = flag(critical);
    e->item = encode_any((codec) odr_external, x);
    return e;
}

static ILL_Extension *oclc_request_extension(void)
{
    ILL_OCLCILLRequestExtension *r = NEW(ILL_OCLCILLRequestExtension);
    r->clientDepartment = gs("History");
    r->paymentMethod = gs("IFM");
    r->uniformTitle = gs("Natural history");
    r->volume = gs("3");
    r->affiliations = gs("LVIS");
    r->source = gs("WorldCat");
    return extension(0, external("1.0.10161.13.2", encode_any((codec) ill_OCLCILLRequestExtension, r)));
}

/* An extension no one registered: an OCTET STRING under a private OID. */
static ILL_Extension *unknown_extension(int critical)
{
    static char content[] = { 0x04, 0x05, 'h', 'e', 'l', 'l', 'o' };
    Odr_any *any = NEW(Odr_any);
    any->buf = content;
    any->len = sizeof(content);
    return extension(critical, external("1.2.840.999.1", any));
}

static Odr_external *oclc_number(const char *number)
{
    ILL_SystemNo *s = NEW(ILL_SystemNo);
    s->num = 1;
    s->elements = mk(sizeof(*s->elements));
    s->elements[0] = NEW(ILL_SystemNo_s);
    s->elements[0]->System = num(ILL_System_oclc);
    s->elements[0]->recordNo = gs(number);
    return external("1.2.124.10161.2", encode_any((codec) ill_SystemNo, s));
}

/* The five components every APDU starts with. */
#define HEADER(p, version, group, qualifier) \
    do { \
        (p)->protocol_version_num = num(version); \
        (p)->transaction_id = transaction_id(group, qualifier); \
        (p)->service_date_time = service_date_time("20261128", "143000"); \
        (p)->requester_id = system_id("ZBW", 0); \
        (p)->responder_id = system_id("OCL", 0); \
    } while (0)

static const char *out_dir;
static int written;

static void write_apdu(const char *name, int which, void *body)
{
    ILL_APDU *apdu = NEW(ILL_APDU);
    ODR e = odr_createmem(ODR_ENCODE);
    char path[1024];
    char *buf;
    int len;
    FILE *f;
    if (varied && written >= varied_count)
        return;
    apdu->which = which;
    apdu->u.illRequest = body; /* a union of pointers: any member will do */
    if (!ill_APDU(e, &apdu, 0, 0)) {
        fprintf(stderr, "yaz-ill: cannot encode %s (error %d)\n", name, odr_geterror(e));
        exit(2);
    }
    buf = odr_getbuf(e, &len, 0);
    if (varied)
        snprintf(path, sizeof(path), "%s/%03d-%s.ber", out_dir, written, name + 3);
    else
        snprintf(path, sizeof(path), "%s/%s.ber", out_dir, name);
    if (!(f = fopen(path, "wb")) || fwrite(buf, 1, len, f) != (size_t) len || fclose(f)) {
        perror(path);
        exit(2);
    }
    odr_destroy(e);
    written++;
}

/* ---- ILL-Request ------------------------------------------------------------------------ */

static ILL_Request *request_minimal(void)
{
    ILL_Request *r = NEW(ILL_Request);
    HEADER(r, 2, "ZBW", "R-0001");
    r->transaction_type = num(1);
    r->num_iLL_service_type = 1;
    r->iLL_service_type = mk(sizeof(*r->iLL_service_type));
    r->iLL_service_type[0] = num(1);
    r->requester_optional_messages = NEW(ILL_Requester_Optional_Messages_Type);
    r->requester_optional_messages->can_send_RECEIVED = flag(1);
    r->requester_optional_messages->can_send_RETURNED = flag(1);
    r->requester_optional_messages->requester_SHIPPED = num(1);
    r->requester_optional_messages->requester_CHECKED_IN = num(2);
    r->place_on_hold = num(3);
    r->item_id = NEW(ILL_Item_Id);
    r->item_id->title = gs("A minimal request");
    r->retry_flag = flag(0);
    r->forward_flag = flag(0);
    return r;
}

static ILL_Request *request_oclc(void)
{
    ILL_Request *r = request_minimal();
    ILL_Item_Id *item = r->item_id;
    r->transaction_id = transaction_id("ZBW", "R-0002");
    r->delivery_address = NEW(ILL_Delivery_Address);
    r->delivery_address->postal_address =
        postal_address("Zbw Library ILL", "1 Main Street", "Columbus", "OH", "43017");
    r->delivery_address->electronic_address = system_address("EMAIL", "ill@zbw.example.org");
    r->delivery_service = NEW(ILL_Delivery_Service);
    r->delivery_service->which = ILL_Delivery_Service_physical_delivery;
    r->delivery_service->u.physical_delivery = gs("Library Mail");
    r->billing_address = NEW(ILL_Delivery_Address);
    r->billing_address->postal_address = postal_address("Zbw Accounts", "2 Main Street", "Columbus", "OH", "43017");
    r->num_iLL_service_type = 2;
    r->iLL_service_type = mk(2 * sizeof(*r->iLL_service_type));
    r->iLL_service_type[0] = num(1);
    r->iLL_service_type[1] = num(2);
    r->search_type = NEW(ILL_Search_Type);
    r->search_type->level_of_service = gs("A");
    r->search_type->need_before_date = text("20261231");
    r->search_type->expiry_flag = num(2);
    r->search_type->expiry_date = text("20270115");
    r->num_supply_medium_info_type = 1;
    r->supply_medium_info_type = mk(sizeof(*r->supply_medium_info_type));
    r->supply_medium_info_type[0] = NEW(ILL_Supply_Medium_Info_Type);
    r->supply_medium_info_type[0]->supply_medium_type = num(1);
    r->supply_medium_info_type[0]->medium_characteristics = gs("large print");
    r->place_on_hold = num(2);
    r->client_id = NEW(ILL_Client_Id);
    r->client_id->client_name = gs("Jane Reader");
    r->client_id->client_status = gs("faculty");
    r->client_id->client_identifier = gs("P-12345");
    item->item_type = num(1);
    item->held_medium_type = num(1);
    item->call_number = gs("QH 45.2 .D37");
    item->author = gs("Darwin, Charles");
    item->title = gs("On the origin of species");
    item->sub_title = gs("by means of natural selection");
    item->place_of_publication = gs("London");
    item->publisher = gs("John Murray");
    item->edition = gs("1st ed.");
    item->publication_date = gs("1859");
    item->pagination = gs("502 p.");
    item->iSBN = gs("0451529065");
    item->system_no = oclc_number("1234567");
    item->verification_reference_source = gs("OCLC WorldCat");
    r->cost_info_type = NEW(ILL_Cost_Info_Type);
    r->cost_info_type->account_number = gs("ACCT-9");
    r->cost_info_type->maximum_cost = amount("USD", "25.00");
    r->cost_info_type->reciprocal_agreement = flag(1);
    r->cost_info_type->will_pay_fee = flag(1);
    r->cost_info_type->payment_provided = flag(0);
    r->copyright_compliance = gs("CCG");
    r->retry_flag = flag(1);
    r->requester_note = gs("Please send by the fastest route");
    r->num_iLL_request_extensions = 2;
    r->iLL_request_extensions = mk(2 * sizeof(*r->iLL_request_extensions));
    r->iLL_request_extensions[0] = oclc_request_extension();
    r->iLL_request_extensions[1] = unknown_extension(0);
    return r;
}

static ILL_Request *request_third_party(void)
{
    ILL_Request *r = request_minimal();
    ILL_Third_Party_Info_Type *t = NEW(ILL_Third_Party_Info_Type);
    r->protocol_version_num = num(1);
    r->transaction_id = transaction_id("ZBW", "R-0003");
    r->transaction_id->initial_requester_id = system_id("ZBW", "Zbw Library");
    r->transaction_id->sub_transaction_qualifier = gs("2");
    r->service_date_time->date_time_of_original_service = NEW(ILL_Service_Date_original);
    r->service_date_time->date_time_of_original_service->date = text("20261101");
    r->transaction_type = num(2);
    t->permission_to_forward = flag(1);
    t->permission_to_chain = flag(0);
    t->permission_to_partition = flag(0);
    t->permission_to_change_send_to_list = flag(1);
    t->initial_requester_address = system_address("TCP/IP", "ill.zbw.example.org:1611");
    t->preference = num(1);
    t->send_to_list = NEW(ILL_Send_To_List_Type);
    t->send_to_list->num = 1;
    t->send_to_list->elements = mk(sizeof(*t->send_to_list->elements));
    t->send_to_list->elements[0] = NEW(ILL_Send_To_List_Type_s);
    t->send_to_list->elements[0]->system_id = system_id("ZAP", 0);
    t->send_to_list->elements[0]->account_number = gs("A-1");
    t->send_to_list->elements[0]->system_address = system_address("TCP/IP", "ill.zap.example.org:1611");
    t->already_tried_list = NEW(ILL_Already_Tried_List_Type);
    t->already_tried_list->num = 1;
    t->already_tried_list->elements = mk(sizeof(*t->already_tried_list->elements));
    t->already_tried_list->elements[0] = system_id("OCL", 0);
    r->third_party_info_type = t;
    r->forward_flag = flag(1);
    r->forward_note = gs("forwarded once");
    r->num_iLL_request_extensions = 1;
    r->iLL_request_extensions = mk(sizeof(*r->iLL_request_extensions));
    r->iLL_request_extensions[0] = unknown_extension(1);
    return r;
}

static ILL_Request *request_non_ascii(void)
{
    ILL_Request *r = request_minimal();
    r->transaction_id = transaction_id("ZBW", "R-0004");
    r->item_id->title = gs("\xc3\x9c" "ber die Natur \xe2\x80\x93 \xe6\x9d\xb1\xe4\xba\xac"); /* UTF-8 */
    r->item_id->author = gs("M\xfcller, J\xfcrgen"); /* ISO-8859-1: not valid UTF-8 */
    r->item_id->verification_reference_source = edifact("LIBRIS");
    r->transaction_id->transaction_qualifier = edifact("R-0004");
    return r;
}

static Odr_any *raw_any(const char *bytes, int len)
{
    Odr_any *a = NEW(Odr_any);
    a->buf = mk(len);
    memcpy(a->buf, bytes, len);
    a->len = len;
    return a;
}

static ILL_Electronic_Delivery_Service *electronic_delivery(void)
{
    ILL_Electronic_Delivery_Service *e = NEW(ILL_Electronic_Delivery_Service);
    e->e_delivery_service = NEW(ILL_Electronic_Delivery_Service_0);
    e->e_delivery_service->e_delivery_mode = odr_getoidbystr(o, "1.0.10021.2.1");
    e->e_delivery_service->e_delivery_parameters = raw_any("\x05\x00", 2);
    e->document_type = NEW(ILL_Electronic_Delivery_Service_1);
    e->document_type->document_type_id = odr_getoidbystr(o, "1.0.8613.5");
    e->document_type->document_type_parameters = raw_any("\x02\x01\x07", 3);
    e->e_delivery_description = gs("Ariel");
    e->which = ILL_Electronic_Delivery_Service_e_delivery_address;
    e->u.e_delivery_address = system_address("FTP", "ftp.zbw.example.org");
    e->name_or_code = gs("doc-77.pdf");
    e->delivery_time = text("090000");
    return e;
}

static ILL_Request *request_electronic(void)
{
    ILL_Request *r = request_minimal();
    r->transaction_id = transaction_id("ZBW", "R-0005");
    r->num_iLL_service_type = 1;
    r->iLL_service_type[0] = num(2);
    r->delivery_service = NEW(ILL_Delivery_Service);
    r->delivery_service->which = ILL_Delivery_Service_electronic_delivery;
    r->delivery_service->u.electronic_delivery = NEW(ILL_Delivery_ServiceElectronic_delivery);
    r->delivery_service->u.electronic_delivery->num = 1;
    r->delivery_service->u.electronic_delivery->elements = mk(sizeof(ILL_Electronic_Delivery_Service *));
    r->delivery_service->u.electronic_delivery->elements[0] = electronic_delivery();
    r->item_id->author_of_article = gs("Smith, A.");
    r->item_id->title_of_article = gs("On ISO ILL");
    r->item_id->volume_issue = gs("12(3)");
    r->item_id->iSSN = gs("12345678");
    r->supplemental_item_description = NEW(ILL_Supplemental_Item_Description);
    r->supplemental_item_description->num = 1;
    r->supplemental_item_description->elements = mk(sizeof(Odr_external *));
    r->supplemental_item_description->elements[0] = external("1.2.840.999.2", raw_any("\x04\x02hi", 4));
    return r;
}

/* ---- the other APDUs ---------------------------------------------------------------------- */

static ILL_Forward_Notification *forward_notification(void)
{
    ILL_Forward_Notification *f = NEW(ILL_Forward_Notification);
    HEADER(f, 2, "ZBW", "R-0001");
    f->responder_address = system_address("TCP/IP", "ill.ocl.example.org:499");
    f->intermediary_id = system_id("OCL", 0);
    f->notification_note = gs("forwarded to ZAP");
    return f;
}

static ILL_Shipped *shipped(int full)
{
    ILL_Shipped *s = NEW(ILL_Shipped);
    HEADER(s, 2, "ZBW", "R-0001");
    s->transaction_type = num(1);
    s->shipped_service_type = num(1);
    s->supply_details = NEW(ILL_Supply_Details);
    s->supply_details->date_shipped = text("20261130");
    if (full) {
        ILL_Supply_Details *d = s->supply_details;
        s->responder_address = system_address("TCP/IP", "ill.ocl.example.org:499");
        s->supplier_id = system_id("OCL", "OCLC Library");
        s->client_id = NEW(ILL_Client_Id);
        s->client_id->client_name = gs("Jane Reader");
        s->responder_optional_messages = NEW(ILL_Responder_Optional_Messages_Type);
        s->responder_optional_messages->can_send_SHIPPED = flag(1);
        s->responder_optional_messages->can_send_CHECKED_IN = flag(1);
        s->responder_optional_messages->responder_RECEIVED = num(1);
        s->responder_optional_messages->responder_RETURNED = num(3);
        d->date_due = date_due("20270115", 1);
        d->chargeable_units = num(3);
        d->cost = amount("USD", "12.50");
        d->shipped_conditions = num(22);
        d->which = ILL_Supply_Details_physical_delivery;
        d->u.physical_delivery = gs("UPS");
        d->insured_for = amount("USD", "100");
        d->return_insurance_require = amount(0, "100");
        d->num_no_of_units_per_medium = 1;
        d->no_of_units_per_medium = mk(sizeof(ILL_Units_Per_Medium_Type *));
        d->no_of_units_per_medium[0] = NEW(ILL_Units_Per_Medium_Type);
        d->no_of_units_per_medium[0]->medium = num(1);
        d->no_of_units_per_medium[0]->no_of_units = num(2);
        s->return_to_address = postal_address("OCLC Library", "6565 Kilgour Place", "Dublin", "OH", "43017");
        s->responder_note = gs("handle with care");
    }
    return s;
}

static ILL_Answer *answer(int results)
{
    ILL_Answer *a = NEW(ILL_Answer);
    int n;
    HEADER(a, 2, "ZBW", "R-0001");
    a->transaction_results = num(results);
    a->which = results; /* the alternatives are numbered as the results */
    switch (results) {
    case 1:
        a->u.conditional_results = NEW(ILL_Conditional_Results);
        a->u.conditional_results->conditions = num(14);
        a->u.conditional_results->date_for_reply = text("20261205");
        a->u.conditional_results->locations = locations(&n);
        a->u.conditional_results->num_locations = n;
        a->u.conditional_results->proposed_delivery_service = NEW(ILL_Delivery_Service);
        a->u.conditional_results->proposed_delivery_service->which = ILL_Delivery_Service_physical_delivery;
        a->u.conditional_results->proposed_delivery_service->u.physical_delivery = gs("Courier");
        break;
    case 2:
        a->u.retry_results = NEW(ILL_Retry_Results);
        a->u.retry_results->reason_not_available = num(1);
        a->u.retry_results->retry_date = text("20261215");
        break;
    case 3:
        a->u.unfilled_results = NEW(ILL_Unfilled_Results);
        a->u.unfilled_results->reason_unfilled = num(17);
        break;
    case 4:
        a->u.locations_results = NEW(ILL_Locations_Results);
        a->u.locations_results->reason_locs_provided = num(5);
        a->u.locations_results->locations = locations(&n);
        a->u.locations_results->num_locations = n;
        break;
    case 5:
        a->u.will_supply_results = NEW(ILL_Will_Supply_Results);
        a->u.will_supply_results->reason_will_supply = num(26);
        a->u.will_supply_results->supply_date = text("20261202");
        a->u.will_supply_results->return_to_address =
            postal_address("OCLC Library", "6565 Kilgour Place", "Dublin", "OH", "43017");
        a->u.will_supply_results->electronic_delivery_service = electronic_delivery();
        break;
    case 6:
        a->u.hold_placed_results = NEW(ILL_Hold_Placed_Results);
        a->u.hold_placed_results->estimated_date_available = text("20270101");
        a->u.hold_placed_results->hold_placed_medium_type = num(1);
        break;
    case 7:
        a->u.estimate_results = NEW(ILL_Estimate_Results);
        a->u.estimate_results->cost_estimate = gs("USD 15.00");
        a->u.estimate_results->locations = locations(&n);
        a->u.estimate_results->num_locations = n;
        break;
    }
    a->responder_note = gs("see results");
    return a;
}

static ILL_Answer *answer_without_explanation(void)
{
    ILL_Answer *a = answer(3);
    a->which = 0;
    a->u.unfilled_results = 0;
    a->send_to_list = NEW(ILL_Send_To_List_Type);
    a->send_to_list->num = 1;
    a->send_to_list->elements = mk(sizeof(*a->send_to_list->elements));
    a->send_to_list->elements[0] = NEW(ILL_Send_To_List_Type_s);
    a->send_to_list->elements[0]->system_id = system_id("ZAP", 0);
    a->already_tried_list = NEW(ILL_Already_Tried_List_Type);
    a->already_tried_list->num = 1;
    a->already_tried_list->elements = mk(sizeof(*a->already_tried_list->elements));
    a->already_tried_list->elements[0] = system_id("OCL", 0);
    a->responder_optional_messages = NEW(ILL_Responder_Optional_Messages_Type);
    a->responder_optional_messages->can_send_SHIPPED = flag(1);
    a->responder_optional_messages->can_send_CHECKED_IN = flag(0);
    a->responder_optional_messages->responder_RECEIVED = num(2);
    a->responder_optional_messages->responder_RETURNED = num(3);
    a->num_ill_answer_extensions = 1;
    a->ill_answer_extensions = mk(sizeof(*a->ill_answer_extensions));
    a->ill_answer_extensions[0] = unknown_extension(0);
    return a;
}

#define SIMPLE(T, var, note_field, note) \
    T *var = NEW(T); HEADER(var, 2, "ZBW", "R-0001"); var->note_field = gs(note)

static ILL_History_Report *history(void)
{
    ILL_History_Report *h = NEW(ILL_History_Report);
    h->date_requested = text("20261128");
    h->author = gs("Darwin, Charles");
    h->title = gs("On the origin of species");
    h->date_of_last_transition = text("20261130");
    h->most_recent_service = num(3);
    h->date_of_most_recent_service = text("20261130");
    h->initiator_of_most_recent_service = system_id("OCL", 0);
    h->shipped_service_type = num(1);
    h->transaction_results = num(5);
    h->most_recent_service_note = gs("shipped by UPS");
    return h;
}

static ILL_Status_Or_Error_Report *report(int kind)
{
    ILL_Status_Or_Error_Report *r = NEW(ILL_Status_Or_Error_Report);
    ILL_Error_Report *e;
    HEADER(r, 2, "ZBW", "R-0001");
    if (kind == 0) {
        r->reason_no_report = num(1);
        return r;
    }
    if (kind == 1) {
        r->status_report = NEW(ILL_Status_Report);
        r->status_report->user_status_report = history();
        r->status_report->provider_status_report = num(8);
        r->note = gs("status as asked");
        return r;
    }
    e = r->error_report = NEW(ILL_Error_Report);
    e->correlation_information = gs("ZBW/R-0001");
    if (kind == 5) {
        e->report_source = num(1);
        e->user_error_report = NEW(ILL_User_Error_Report);
        e->user_error_report->which = ILL_User_Error_Report_unable_to_perform;
        e->user_error_report->u.unable_to_perform = num(2);
        return r;
    }
    if (kind == 6) {
        e->report_source = num(1);
        e->user_error_report = NEW(ILL_User_Error_Report);
        e->user_error_report->which = ILL_User_Error_Report_already_forwarded;
        e->user_error_report->u.already_forwarded = NEW(ILL_Already_Forwarded);
        e->user_error_report->u.already_forwarded->responder_id = system_id("ZAP", 0);
        e->user_error_report->u.already_forwarded->responder_address =
            system_address("TCP/IP", "ill.zap.example.org:1611");
        return r;
    }
    e->report_source = num(2);
    e->provider_error_report = NEW(ILL_Provider_Error_Report);
    if (kind == 2) {
        e->provider_error_report->which = ILL_Provider_Error_Report_general_problem;
        e->provider_error_report->u.general_problem = num(3);
    } else if (kind == 3) {
        e->provider_error_report->which = ILL_Provider_Error_Report_transaction_id_problem;
        e->provider_error_report->u.transaction_id_problem = num(1);
    } else {
        e->provider_error_report->which = ILL_Provider_Error_Report_state_transition_prohibited;
        e->provider_error_report->u.state_transition_prohibited = NEW(ILL_State_Transition_Prohibited);
        e->provider_error_report->u.state_transition_prohibited->aPDU_type = num(3);
        e->provider_error_report->u.state_transition_prohibited->current_state = num(7);
    }
    return r;
}

static void write_vectors(void)
{
    write_apdu("01-ill-request-minimal", ILL_APDU_ILL_Request, request_minimal());
    write_apdu("02-ill-request-oclc-complete", ILL_APDU_ILL_Request, request_oclc());
    write_apdu("03-ill-request-v1-third-party", ILL_APDU_ILL_Request, request_third_party());
    write_apdu("04-ill-request-non-ascii-edifact", ILL_APDU_ILL_Request, request_non_ascii());
    write_apdu("05-ill-request-electronic-delivery", ILL_APDU_ILL_Request, request_electronic());
    write_apdu("06-forward-notification", ILL_APDU_Forward_Notification, forward_notification());
    write_apdu("07-shipped-minimal", ILL_APDU_Shipped, shipped(0));
    write_apdu("08-shipped-complete", ILL_APDU_Shipped, shipped(1));
    write_apdu("09-ill-answer-conditional", ILL_APDU_ILL_Answer, answer(1));
    write_apdu("10-ill-answer-retry", ILL_APDU_ILL_Answer, answer(2));
    write_apdu("11-ill-answer-unfilled", ILL_APDU_ILL_Answer, answer(3));
    write_apdu("12-ill-answer-locations-provided", ILL_APDU_ILL_Answer, answer(4));
    write_apdu("13-ill-answer-will-supply", ILL_APDU_ILL_Answer, answer(5));
    write_apdu("14-ill-answer-hold-placed", ILL_APDU_ILL_Answer, answer(6));
    write_apdu("15-ill-answer-estimate", ILL_APDU_ILL_Answer, answer(7));
    write_apdu("16-ill-answer-no-explanation", ILL_APDU_ILL_Answer, answer_without_explanation());
    {
        SIMPLE(ILL_Conditional_Reply, v, requester_note, "yes, we accept the charge");
        v->answer = flag(1);
        write_apdu("17-conditional-reply", ILL_APDU_Conditional_Reply, v);
    }
    {
        SIMPLE(ILL_Cancel, v, requester_note, "no longer needed");
        write_apdu("18-cancel", ILL_APDU_Cancel, v);
    }
    {
        SIMPLE(ILL_Cancel_Reply, v, responder_note, "already shipped");
        v->answer = flag(0);
        write_apdu("19-cancel-reply", ILL_APDU_Cancel_Reply, v);
    }
    {
        SIMPLE(ILL_Received, v, requester_note, "arrived in good order");
        v->supplier_id = system_id("OCL", 0);
        v->date_received = text("20261203");
        v->shipped_service_type = num(1);
        write_apdu("20-received", ILL_APDU_Received, v);
    }
    {
        SIMPLE(ILL_Recall, v, responder_note, "needed back");
        write_apdu("21-recall", ILL_APDU_Recall, v);
    }
    {
        SIMPLE(ILL_Returned, v, requester_note, "returned");
        v->date_returned = text("20270110");
        v->returned_via = gs("USPS");
        v->insured_for = amount("USD", "100");
        write_apdu("22-returned", ILL_APDU_Returned, v);
    }
    {
        SIMPLE(ILL_Checked_In, v, responder_note, "checked in");
        v->date_checked_in = text("20270112");
        write_apdu("23-checked-in", ILL_APDU_Checked_In, v);
    }
    {
        SIMPLE(ILL_Overdue, v, responder_note, "please return");
        v->date_due = date_due("20270115", 0);
        v->overdue_extensions = NEW(ILL_Overdue_ExtensionS);
        v->overdue_extensions->num = 1;
        v->overdue_extensions->elements = mk(sizeof(ILL_Extension *));
        v->overdue_extensions->elements[0] = unknown_extension(0);
        write_apdu("24-overdue", ILL_APDU_Overdue, v);
    }
    {
        SIMPLE(ILL_Renew, v, requester_note, "two more weeks please");
        v->desired_due_date = text("20270201");
        write_apdu("25-renew", ILL_APDU_Renew, v);
    }
    {
        SIMPLE(ILL_Renew_Answer, v, responder_note, "renewed");
        v->answer = flag(1);
        v->date_due = date_due("20270201", 0);
        write_apdu("26-renew-answer", ILL_APDU_Renew_Answer, v);
    }
    {
        SIMPLE(ILL_Lost, v, note, "lost in transit");
        write_apdu("27-lost", ILL_APDU_Lost, v);
    }
    {
        SIMPLE(ILL_Damaged, v, note, "water damage");
        v->damaged_details = NEW(ILL_Damaged_Details);
        v->damaged_details->document_type_id = odr_getoidbystr(o, "1.0.8613.5");
        v->damaged_details->which = ILL_Damaged_Details_specific_units;
        v->damaged_details->u.specific_units = NEW(ILL_Damaged_DetailsSpecific_units);
        v->damaged_details->u.specific_units->num = 2;
        v->damaged_details->u.specific_units->elements = mk(2 * sizeof(Odr_int *));
        v->damaged_details->u.specific_units->elements[0] = num(12);
        v->damaged_details->u.specific_units->elements[1] = num(300);
        write_apdu("28-damaged-specific-units", ILL_APDU_Damaged, v);
    }
    {
        SIMPLE(ILL_Damaged, v, note, "beyond repair");
        v->damaged_details = NEW(ILL_Damaged_Details);
        v->damaged_details->which = ILL_Damaged_Details_complete_document;
        v->damaged_details->u.complete_document = odr_nullval();
        write_apdu("29-damaged-complete-document", ILL_APDU_Damaged, v);
    }
    {
        SIMPLE(ILL_Message, v, note, "a question about your request");
        write_apdu("30-message", ILL_APDU_Message, v);
    }
    {
        SIMPLE(ILL_Status_Query, v, note, "where is it?");
        write_apdu("31-status-query", ILL_APDU_Status_Query, v);
    }
    write_apdu("32-status-or-error-report-reason-no-report", ILL_APDU_Status_Or_Error_Report, report(0));
    write_apdu("33-status-or-error-report-status", ILL_APDU_Status_Or_Error_Report, report(1));
    write_apdu("34-status-or-error-report-general-problem", ILL_APDU_Status_Or_Error_Report, report(2));
    write_apdu("35-status-or-error-report-transaction-id-problem", ILL_APDU_Status_Or_Error_Report, report(3));
    write_apdu("36-status-or-error-report-state-transition-prohibited", ILL_APDU_Status_Or_Error_Report, report(4));
    write_apdu("37-status-or-error-report-unable-to-perform", ILL_APDU_Status_Or_Error_Report, report(5));
    write_apdu("38-status-or-error-report-already-forwarded", ILL_APDU_Status_Or_Error_Report, report(6));
    {
        ILL_Expired *v = NEW(ILL_Expired);
        HEADER(v, 1, "ZBW", "R-0001");
        write_apdu("39-expired", ILL_APDU_Expired, v);
    }
}

/* ---- reading ------------------------------------------------------------------------------ */

static char *slurp(const char *path, int *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
        perror(path);
        exit(2);
    }
    buf = malloc(size ? size : 1);
    if (fread(buf, 1, size, f) != (size_t) size) {
        perror(path);
        exit(2);
    }
    fclose(f);
    *len = (int) size;
    return buf;
}

static int check(const char *path)
{
    int len, out_len;
    char *buf = slurp(path, &len);
    ODR d = odr_createmem(ODR_DECODE);
    ODR e = odr_createmem(ODR_ENCODE);
    ILL_APDU *apdu = 0;
    char *out;
    int decoded = 0;
    odr_setbuf(d, buf, len, 0);
    if (!ill_APDU(d, &apdu, 0, 0)) {
        printf("%s\tundecodable %s at %d\n", path, odr_errmsg(odr_geterror(d)), odr_offset(d));
    } else if (odr_offset(d) != len) {
        printf("%s\tundecodable: %d bytes left over\n", path, len - odr_offset(d));
    } else if (!ill_APDU(e, &apdu, 0, 0)) {
        printf("%s\tdecoded but not encodable %s\n", path, odr_errmsg(odr_geterror(e)));
    } else {
        /* YAZ writes indefinite lengths for long elements and BOOLEAN TRUE as 01, so its
           encoding can differ from the input in form while saying the same thing: the caller
           decodes FILE.yaz and compares values */
        char other[1024];
        FILE *f;
        out = odr_getbuf(e, &out_len, 0);
        snprintf(other, sizeof(other), "%s.yaz", path);
        if (!(f = fopen(other, "wb")) || fwrite(out, 1, out_len, f) != (size_t) out_len || fclose(f)) {
            perror(other);
            exit(2);
        }
        decoded = 1;
        printf("%s\t%s\n", path, out_len == len && !memcmp(out, buf, len) ? "identical" : "decoded");
    }
    odr_destroy(d);
    odr_destroy(e);
    free(buf);
    return decoded;
}

static int print(const char *path)
{
    int len;
    char *buf = slurp(path, &len);
    ODR d = odr_createmem(ODR_DECODE);
    ODR p = odr_createmem(ODR_PRINT);
    ILL_APDU *apdu = 0;
    odr_setbuf(d, buf, len, 0);
    if (!ill_APDU(d, &apdu, 0, 0)) {
        fprintf(stderr, "%s: undecodable %s at %d\n", path, odr_errmsg(odr_geterror(d)), odr_offset(d));
        return 0;
    }
    odr_setprint_noclose(p, stdout);
    ill_APDU(p, &apdu, 0, 0);
    odr_destroy(d);
    odr_destroy(p);
    free(buf);
    return 1;
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Decode every file, then encode every decoded APDU, ROUNDS times; report ns per APDU. */
static void bench(int rounds, int files, char **paths)
{
    char **bufs = malloc(files * sizeof(char *));
    int *lens = malloc(files * sizeof(int));
    ILL_APDU **apdus = malloc(files * sizeof(ILL_APDU *));
    ODR d = odr_createmem(ODR_DECODE);
    ODR keep = odr_createmem(ODR_DECODE);
    ODR e = odr_createmem(ODR_ENCODE);
    double t0, decode_s, encode_s;
    long bytes = 0;
    int i, r, len;
    for (i = 0; i < files; i++) {
        bufs[i] = slurp(paths[i], &lens[i]);
        bytes += lens[i];
        odr_setbuf(keep, bufs[i], lens[i], 0);
        if (!ill_APDU(keep, &apdus[i], 0, 0)) {
            fprintf(stderr, "%s: undecodable\n", paths[i]);
            exit(2);
        }
    }
    t0 = seconds();
    for (r = 0; r < rounds; r++)
        for (i = 0; i < files; i++) {
            ILL_APDU *apdu;
            odr_reset(d);
            odr_setbuf(d, bufs[i], lens[i], 0);
            if (!ill_APDU(d, &apdu, 0, 0))
                exit(3);
        }
    decode_s = seconds() - t0;
    t0 = seconds();
    for (r = 0; r < rounds; r++)
        for (i = 0; i < files; i++) {
            odr_reset(e);
            if (!ill_APDU(e, &apdus[i], 0, 0))
                exit(3);
            odr_getbuf(e, &len, 0);
        }
    encode_s = seconds() - t0;
    printf("apdus %d\nbytes %ld\nrounds %d\ndecode_ns_per_apdu %.1f\nencode_ns_per_apdu %.1f\n",
           files, bytes, rounds, decode_s * 1e9 / ((double) rounds * files),
           encode_s * 1e9 / ((double) rounds * files));
}

/* ---- a partner ---------------------------------------------------------------------------- */

struct seen { char qualifier[256]; long state; };
static struct seen seen[512];
static int seen_count;

static const char *str(ILL_String *s)
{
    if (!s)
        return "";
    return s->which == ILL_String_GeneralString ? s->u.GeneralString : s->u.EDIFACTString;
}

/* The state this partner holds a transaction in (ISO Current-State), made if new. */
static long *state_of(ILL_Transaction_Id *id)
{
    const char *q = id ? str(id->transaction_qualifier) : "";
    int i;
    for (i = 0; i < seen_count; i++)
        if (!strcmp(seen[i].qualifier, q))
            return &seen[i].state;
    if (seen_count == (int) (sizeof(seen) / sizeof(seen[0])))
        seen_count = 0;
    snprintf(seen[seen_count].qualifier, sizeof(seen[0].qualifier), "%s", q);
    seen[seen_count].state = 18; /* unknown */
    return &seen[seen_count++].state;
}

static int write_all(int fd, const char *buf, int len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n <= 0)
            return 0;
        buf += n;
        len -= (int) n;
    }
    return 1;
}

static void reply(int fd, ILL_Status_Or_Error_Report *r)
{
    ILL_APDU apdu, *p = &apdu;
    ODR e = odr_createmem(ODR_ENCODE);
    char *buf;
    int len;
    apdu.which = ILL_APDU_Status_Or_Error_Report;
    apdu.u.Status_Or_Error_Report = r;
    if (ill_APDU(e, &p, 0, 0) && (buf = odr_getbuf(e, &len, 0)))
        write_all(fd, buf, len);
    odr_destroy(e);
}

static ILL_Status_Or_Error_Report *report_header(ILL_Transaction_Id *id, ILL_System_Id *requester,
                                                 const char *symbol)
{
    ILL_Status_Or_Error_Report *r = NEW(ILL_Status_Or_Error_Report);
    char date[16], time_of_day[16];
    time_t now = time(0);
    strftime(date, sizeof(date), "%Y%m%d", localtime(&now));
    strftime(time_of_day, sizeof(time_of_day), "%H%M%S", localtime(&now));
    r->protocol_version_num = num(2);
    r->transaction_id = id ? id : transaction_id("", "");
    r->service_date_time = service_date_time(date, time_of_day);
    r->requester_id = requester;
    r->responder_id = system_id(symbol, 0);
    return r;
}

static void respond(int fd, const char *buf, int len, const char *symbol)
{
    ODR d = odr_createmem(ODR_DECODE);
    ILL_APDU *apdu = 0;
    ILL_Status_Or_Error_Report *r;
    odr_setbuf(d, (char *) buf, len, 0);
    odr_reset(o);
    if (!ill_APDU(d, &apdu, 0, 0)) {
        printf("undecodable %s at %d: error report\n", odr_errmsg(odr_geterror(d)), odr_offset(d));
        r = report_header(0, 0, symbol);
        r->error_report = NEW(ILL_Error_Report);
        r->error_report->correlation_information = gs("undecodable");
        r->error_report->report_source = num(2);
        r->error_report->provider_error_report = NEW(ILL_Provider_Error_Report);
        r->error_report->provider_error_report->which = ILL_Provider_Error_Report_general_problem;
        r->error_report->provider_error_report->u.general_problem = num(3); /* badly-structured-APDU */
        reply(fd, r);
    } else if (apdu->which == ILL_APDU_ILL_Request) {
        *state_of(apdu->u.illRequest->transaction_id) = 3; /* in-process */
        printf("ILL-Request %s: in-process, no answer (a person decides)\n",
               str(apdu->u.illRequest->transaction_id->transaction_qualifier));
    } else if (apdu->which == ILL_APDU_Cancel) {
        *state_of(apdu->u.Cancel->transaction_id) = 6; /* cancel-pending */
        printf("Cancel %s: cancel-pending, no answer (a person decides)\n",
               str(apdu->u.Cancel->transaction_id->transaction_qualifier));
    } else if (apdu->which == ILL_APDU_Status_Query) {
        ILL_Status_Query *q = apdu->u.Status_Query;
        long state = *state_of(q->transaction_id);
        char today[16];
        time_t now = time(0);
        strftime(today, sizeof(today), "%Y%m%d", localtime(&now));
        r = report_header(q->transaction_id, q->requester_id, symbol);
        r->status_report = NEW(ILL_Status_Report);
        r->status_report->user_status_report = NEW(ILL_History_Report);
        r->status_report->user_status_report->date_of_last_transition = text(today);
        r->status_report->user_status_report->most_recent_service = num(state == 6 ? 6 : 1);
        r->status_report->user_status_report->date_of_most_recent_service = text(today);
        r->status_report->user_status_report->initiator_of_most_recent_service = q->requester_id
            ? q->requester_id : system_id("?", 0);
        r->status_report->provider_status_report = num(state);
        printf("Status-Query %s: status report, state %ld\n", str(q->transaction_id->transaction_qualifier), state);
        reply(fd, r);
    } else {
        printf("APDU %d: no answer\n", apdu->which);
    }
    fflush(stdout);
    odr_destroy(d);
}

/* One connection at a time; each complete BER frame is answered as above. */
static int serve(int port, const char *symbol)
{
    struct sockaddr_in at;
    int one = 1, listener = socket(AF_INET, SOCK_STREAM, 0);
    memset(&at, 0, sizeof(at));
    at.sin_family = AF_INET;
    at.sin_port = htons(port);
    at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (listener < 0 || bind(listener, (struct sockaddr *) &at, sizeof(at)) || listen(listener, 8)) {
        perror("yaz-ill serve");
        return 1;
    }
    printf("listening on 127.0.0.1:%d as %s\n", port, symbol);
    fflush(stdout);
    for (;;) {
        static char buf[1 << 20];
        int fd = accept(listener, 0, 0), len = 0;
        ssize_t n;
        if (fd < 0)
            continue;
        while ((n = read(fd, buf + len, sizeof(buf) - len)) > 0) {
            int frame;
            len += (int) n;
            while (len > 0 && (frame = completeBER(buf, len)) > 0) {
                respond(fd, buf, frame, symbol);
                memmove(buf, buf + frame, len - frame);
                len -= frame;
            }
            if (len == (int) sizeof(buf))
                break;
        }
        close(fd);
    }
}

int main(int argc, char **argv)
{
    int i, ok = 1;
    o = odr_createmem(ODR_ENCODE);
    if (argc == 3 && !strcmp(argv[1], "vectors")) {
        out_dir = argv[2];
        write_vectors();
        fprintf(stderr, "yaz-ill: wrote %d vectors to %s\n", written, out_dir);
        return 0;
    }
    if (argc == 5 && !strcmp(argv[1], "varied")) {
        out_dir = argv[2];
        varied = 1;
        varied_count = atoi(argv[4]);
        lcg_state = strtoull(argv[3], 0, 10);
        while (written < varied_count) {
            int before = written;
            write_vectors();
            if (written == before)
                break;
        }
        fprintf(stderr, "yaz-ill: wrote %d varied APDUs to %s\n", written, out_dir);
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "check")) {
        for (i = 2; i < argc; i++)
            ok &= check(argv[i]);
        return ok ? 0 : 1;
    }
    if (argc == 3 && !strcmp(argv[1], "print"))
        return print(argv[2]) ? 0 : 1;
    if (argc >= 4 && !strcmp(argv[1], "bench")) {
        bench(atoi(argv[2]), argc - 3, argv + 3);
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "serve"))
        return serve(atoi(argv[2]), argv[3]);
    fprintf(stderr, "usage: yaz-ill vectors DIR | varied DIR SEED N | check FILE... | print FILE | bench ROUNDS FILE... | serve PORT SYMBOL\n");
    return 2;
}
