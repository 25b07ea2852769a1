"""Near-synonyms of the school-security domain, for expanding questions that paraphrase the plans.

Teachers ask in their own words ("phụ huynh", "hỏa hoạn", "tin giả") while plans
use administrative ones ("cha mẹ học sinh", "cháy nổ", "thông tin sai sự thật").
Without a Vietnamese embedding model offline, a small thesaurus bridges the two:
a phrase of the question also searches for the other phrases of its group
(at a lower weight), and counts as covered when one of them is in the text.

Groups are written from general knowledge of the domain, folded, one per line.
A group with ">" is one-way: the phrases on its left (a teacher's words) also
search for those on its right (the plans' words), not the reverse, so that a
question already in the plans' words is not widened ("6 tháng" stays "6 tháng").
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold

_GROUPS = """
phu huynh | cha me hoc sinh | gia dinh hoc sinh | ban dai dien cha me hoc sinh
hoa hoan | chay no | phong chay | chua chay | phong chay chua chay | pccc
tin gia | tin sai lech | thong tin sai su that | thong tin xau doc | xuyen tac | tin don | tin don that thiet | tin that thiet
tren mang | khong gian mang | mang xa hoi | internet
mat trom | trom cap | mat cap | chong trom
khen thuong | bieu duong | giay khen | bang khen | thi dua khen thuong | duoc thuong | tang thuong
danh nhau | bao luc hoc duong | au da
ma tuy | chat gay nghien
nhiem vu | trach nhiem | phan cong | giao
han | han chot | thoi han | truoc ngay | han nop
kinh phi | ngan sach | chi phi | nguon von | xa hoi hoa
camera | camera giam sat | thiet bi giam sat | camera an ninh
lap camera | lap dat camera | gan camera > camera
thiet bi | phuong tien ky thuat | trang thiet bi | trang bi
di duong | tham gia giao thong | an toan giao thong | luat giao thong
hieu luat | pho bien phap luat | tuyen truyen phap luat | giao duc phap luat | tim hieu phap luat | tim hieu ve luat phap
thay co | giao vien | giang vien | nguoi day | nha giao
hoc tro | hoc sinh | hoc sinh sinh vien | nguoi hoc
to giac | bao tin | cung cap thong tin | phat hien
tu van tam ly | tam ly hoc duong | tam ly
ky tuc xa | noi tru | khu noi tru
cach lam hay | kinh nghiem hay | dien hinh tien tien | nhan rong | mo hinh hieu qua
chia se | thong bao | nhan rong
lam hinh thuc | hoat dong hinh thuc | khong hieu qua
muc tieu | muc dich
chi tieu | phan dau | ty le
doi hoi | yeu cau
lam viec voi | phoi hop | ket hop
giai quyet | xu ly
ngay le | le tet | ngay le tet
cam ket | ky cam ket
hieu truong | nguoi dung dau | ban giam hieu | thu truong
an ninh trat tu | antt | an toan ve an ninh trat tu
bao mat | lo thong tin | lo lot bi mat | bi mat nha nuoc | an toan thong tin
cong nghe | cong nghe thong tin | chuyen doi so | phan mem | ung dung
tap huan | boi duong | huan luyen
kiem tra | danh gia | phan loai
truong hoc | nha truong | co so giao duc
tre em | hoc sinh mam non | tre
bao hanh | xam hai
dang bai | truyen thong | dang tai | tuyen truyen
nop | gui | gui ve | bao cao ve | bao cao
dau moi | chu tri | phu trach
bao chi | truyen thong dai chung | co quan truyen thong
danh gia | kiem tra | phan loai | binh xet
giu gin | bao ve | bao dam | dam bao | giu vung
khuyen khich | phat huy | day manh | dong vien | nhan rong
nam bat | nam chac | nam vung | theo doi
chao co | sinh hoat duoi co | tiet chao co
lua dao | bi lua | toi pham tren khong gian mang | toi pham cong nghe cao | thong tin xau doc
doi tuong thuc hien | to chuc thuc hien | don vi thuc hien | ai thuc hien | luc luong thuc hien | phan cong thuc hien
nguon tien | lay tien | tien o dau | kinh phi thuc hien
lay tu dau | lay o dau | tien de lam | tien lay o dau > nguon | ngan sach | kinh phi
nguoi dan | nhan dan | ho gia dinh
hop phu huynh | hop cha me hoc sinh | phoi hop cha me hoc sinh
canh sat | cong an | luc luong cong an
chat cam | ma tuy | thuoc lac
vi pham noi quy | ky luat | xu ly ky luat | canh cao
quan triet | pho bien | tuyen truyen
trong tam | chu yeu | quan trong nhat | chinh
noi dung chinh | nhiem vu trong tam | noi dung trong tam | cong tac trong tam
duoc hieu | dinh nghia | giai thich tu ngu | khai niem | nghia la
bao lau mot lan | moi nam mot lan | hang nam | dinh ky | bao lau
tong ket | bao cao nam | bao cao ca nam > hang nam | cuoi nam
giua nam | nua nam > so ket | 6 thang | 06 thang
de chay > gay chay | chay no
phan dau dat > dang ky | dang ky thuc hien
ra vao cong > ra vao truong
nguoi la | nguoi ngoai | nguoi la mat > ra vao truong | ra vao
doi pho > dau tranh | xu ly | phong ngua
gay thuong tich | thuong tich | bi thuong > bao luc | co y gay thuong tich
chay lon | dam chay lon | hoa hoan lon > chay no nghiem trong | chay no
cung co | kien toan
doi bao ve > luc luong bao ve
bat nat | bat nat hoc duong | danh ban > bao luc hoc duong | bao luc
khung hoang tam ly | van de tam ly | cang thang tam ly | tram cam > tu van tam ly | tam ly hoc duong
o tro | nha tro | thue tro | phong tro > ngoai tru | tam tru
cham diem | cham diem thi dua | cham thi dua > danh gia | phan loai | binh xet
bat trom | bat duoc trom > trom cap | pha hoai
tu bao ve ban than | bao ve ban than | tu ve | cach tu ve > tu bao ve | ky nang tu bao ve | phong ve
tien dau | kinh phi o dau | tien tu dau > nguon | ngan sach | kinh phi
kenh | kenh nao | kenh thong tin | kenh tuyen truyen > hinh thuc | cong thong tin | mang xa hoi | phuong tien
bon tu | 4 tu | mo hinh 4 tu > tu quan | tu phong | tu bao ve | tu hoa giai
lai xe | di xe | chay xe | dieu khien xe > tham gia giao thong | giao thong
truong mam non | truong mau giao > co so mam non | co so giao duc mam non | co so gdmn | co so giao duc
kha nghi | dang ngo | bat thuong > dau hieu | dau hieu mat an ninh
giay chung nhan truong | giay chung nhan an toan | chung nhan an toan | chung nhan dat > cong nhan | giay cong nhan
gac | gac cong | canh gac > truc bao ve | tuan tra canh gac | luc luong bao ve
ban dem | ca dem | buoi dem | gac dem | truc dem | suot ngay dem | ngay dem | ca ngay > 24 24 | truc 24 24
binh cuu hoa | binh chua chay | cuu hoa | binh bot > phuong tien chua chay | chua chay | trang thiet bi pccc | phong chong chay no
ban phao | dot phao | phao tet | phao no
len bao | dang bao | bao dang > truyen thong dai chung | dang tai
tin tot viec tot | nguoi tot viec tot > guong tot | viec tot
coi | trong coi > quan ly | phu trach
canh thi | coi thi | thi cu > ky thi | an toan ky thi
nghien | nghien ma tuy | nghien hut > ma tuy | mac te nan xa hoi | te nan xa hoi
moi cong an > phoi hop voi cong an | cong an
facebook | zalo | tiktok | youtube | fanpage > mang xa hoi
gioi ve | ca nhan gioi | tap the gioi | lam gioi > xuat sac | tieu bieu | thanh tich xuat sac
dua tren | dua vao > can cu
dua | dua vao > long ghep
danh bac | co bac | ca do | ca cuoc > te nan xa hoi | mac te nan xa hoi
ke hoach rieng > ke hoach chi tiet | ke hoach trien khai
tham quyen | ai quyet dinh | ai xet | ai cong nhan | cap nao cong nhan | co quan nao cong nhan | ai cap giay | ai ky giay
""".strip().splitlines()


def _phrases(part: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in part.split("|") if p.strip())


@lru_cache(maxsize=1)
def groups() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(phrases that expand, phrases they expand to) per line; a two-way group expands all to all."""
    out = []
    for line in _GROUPS:
        left, arrow, right = line.partition(">")
        out.append((_phrases(left), _phrases(right)) if arrow else (_phrases(line), _phrases(line)))
    return [g for g in out if g[0]]


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", fold(text).lower()).split()


def alternatives(question: str) -> dict[str, set[str]]:
    """Phrases of the question that have synonyms -> the other phrases of their groups (folded)."""
    words = _words(question)
    joined = " " + " ".join(words) + " "
    out: dict[str, set[str]] = {}
    for sources, targets in groups():
        for phrase in sources:
            if f" {phrase} " in joined:
                out.setdefault(phrase, set()).update(p for p in (*sources, *targets) if p != phrase)
    return out
