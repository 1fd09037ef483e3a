package org.oppmatch.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Word lists and reference tables the enterprise generator draws from: cities, name parts, and
 * Chinese and English industry wording keyed by GB/T 4754-2017 code prefix (public for the national
 * generator in org.oppmatch.bench, which draws from the same tables). Every code here is a real
 * class of the 2017 table (the tests check them against ../shared/data/gbt4754.csv).
 */
public final class Vocabulary {
  private Vocabulary() {}

  /** A Chinese city firms register in, with its USCC division codes and a sampling weight. */
  public record City(
      String name,
      String province,
      String namePrefix,
      double lat,
      double lon,
      double weight,
      boolean chengduMetro,
      List<String> divisions) {}

  /** A foreign city; country is ISO 3166-1 alpha-2. */
  public record ForeignCity(String country, String city, String province, double lat, double lon) {}

  /** Wording for an industry: name words, a scope subject, and product phrases. */
  public record Industry(
      String prefix, List<String> words, String subject, List<String> products) {}

  /** English wording for foreign firms. */
  public record EnglishSector(String prefix, String sector, List<String> items) {}

  public static final List<City> CITIES =
      List.of(
          city(
              "成都",
              "四川省",
              "四川",
              30.660,
              104.065,
              0.200,
              true,
              "510100 510104 510105 510106 510107 510108 510112 510113 510114 510115 510116 510117"),
          city("德阳", "四川省", "四川", 31.127, 104.398, 0.035, true, "510600 510603 510681"),
          city("眉山", "四川省", "四川", 30.075, 103.848, 0.025, true, "511400 511402 511403"),
          city("资阳", "四川省", "四川", 30.129, 104.627, 0.015, true, "512000 512002"),
          city("绵阳", "四川省", "四川", 31.468, 104.679, 0.030, false, "510700 510703 510704"),
          city("宜宾", "四川省", "四川", 28.752, 104.643, 0.015, false, "511500 511502"),
          city("重庆", "重庆市", "重庆", 29.563, 106.551, 0.080, false, "500000 500106 500112 500108"),
          city("西安", "陕西省", "陕西", 34.342, 108.940, 0.050, false, "610100 610113 610131"),
          city("上海", "上海市", "上海", 31.230, 121.474, 0.080, false, "310000 310115 310112 310104"),
          city("深圳", "广东省", "广东", 22.543, 114.058, 0.075, false, "440300 440305 440306 440307"),
          city("北京", "北京市", "北京", 39.904, 116.407, 0.070, false, "110000 110108 110105 110115"),
          city("苏州", "江苏省", "江苏", 31.299, 120.585, 0.050, false, "320500 320506 320505"),
          city("武汉", "湖北省", "湖北", 30.593, 114.305, 0.040, false, "420100 420111 420106"),
          city("杭州", "浙江省", "浙江", 30.274, 120.155, 0.040, false, "330100 330106 330108"),
          city("广州", "广东省", "广东", 23.129, 113.264, 0.035, false, "440100 440106 440112"),
          city("南京", "江苏省", "江苏", 32.060, 118.797, 0.030, false, "320100 320115 320106"),
          city("合肥", "安徽省", "安徽", 31.821, 117.227, 0.025, false, "340100 340104"),
          city("长沙", "湖南省", "湖南", 28.228, 112.939, 0.020, false, "430100 430104"),
          city("天津", "天津市", "天津", 39.125, 117.190, 0.020, false, "120000 120116"),
          city("贵阳", "贵州省", "贵州", 26.647, 106.630, 0.010, false, "520100 520115"),
          city("青岛", "山东省", "山东", 36.067, 120.383, 0.015, false, "370200 370211"),
          city("沈阳", "辽宁省", "辽宁", 41.805, 123.431, 0.010, false, "210100 210112"),
          city("宁波", "浙江省", "浙江", 29.868, 121.544, 0.015, false, "330200 330206"),
          city("无锡", "江苏省", "江苏", 31.491, 120.312, 0.015, false, "320200 320214"),
          city("常州", "江苏省", "江苏", 31.811, 119.974, 0.015, false, "320400 320411"));

  public static final List<ForeignCity> FOREIGN_CITIES =
      List.of(
          new ForeignCity("DE", "Munich", "Bavaria", 48.137, 11.575),
          new ForeignCity("DE", "Stuttgart", "Baden-Wurttemberg", 48.776, 9.183),
          new ForeignCity("DE", "Hamburg", "Hamburg", 53.551, 9.994),
          new ForeignCity("US", "San Jose", "California", 37.339, -121.895),
          new ForeignCity("US", "Boston", "Massachusetts", 42.360, -71.059),
          new ForeignCity("US", "Seattle", "Washington", 47.606, -122.332),
          new ForeignCity("JP", "Nagoya", "Aichi", 35.181, 136.906),
          new ForeignCity("JP", "Osaka", "Osaka", 34.694, 135.502),
          new ForeignCity("KR", "Suwon", "Gyeonggi", 37.264, 127.029),
          new ForeignCity("KR", "Seoul", "Seoul", 37.567, 126.978),
          new ForeignCity("FR", "Toulouse", "Occitanie", 43.605, 1.444),
          new ForeignCity("FR", "Lyon", "Auvergne-Rhone-Alpes", 45.764, 4.836),
          new ForeignCity("SG", "Singapore", "", 1.352, 103.820));

  /** Legal-form suffixes per country; JP and KR forms carry a comma (a quoting case). */
  public static List<String> legalForms(String country) {
    return switch (country) {
      case "DE" -> List.of("GmbH", "GmbH", "AG");
      case "US" -> List.of("Inc.", "Corp.", "LLC");
      case "JP" -> List.of("Co., Ltd.", "Corporation");
      case "KR" -> List.of("Co., Ltd.", "Co., Ltd.", "Corp.");
      case "FR" -> List.of("SAS", "S.A.");
      case "SG" -> List.of("Pte. Ltd.");
      default -> List.of("Ltd.");
    };
  }

  /** Characters for synthetic two-character brands. */
  public static final String BRAND_CHARS =
      "星翼恒瑞创宇博睿锐泰鑫达联芯源智云航维德信安康远明嘉润盛蓝启弘致卓越晟昊辰驰腾" + "凌峰川蓉锦禾朗澜拓汇捷迅盈景沃融誉铭元坤晶曜灵麒策衡益朔岚璟珩";

  /** Brand pairs too close to well-known real firms; never generated. */
  public static final Set<String> BLOCKED_BRANDS =
      Set.of("恒瑞", "博睿", "云达", "安康", "联芯", "晶源", "天齐", "明德", "嘉润", "德信", "达安");

  public static final List<String> LATIN_HEADS =
      List.of(
          "Van", "Kor", "Ael", "Bri", "Cal", "Dex", "Ever", "Fal", "Hel", "Ion", "Lum", "Mer",
          "Nor", "Opt", "Pra", "Quan", "Ros", "Sol", "Tor", "Ul", "Ver", "Wen", "Xel", "Zen");

  public static final List<String> LATIN_TAILS =
      List.of("tec", "ion", "ara", "ix", "on", "era", "ant", "is", "ova", "ent", "ar", "ia");

  /**
   * Chinese wording by code prefix, longest prefix wins: prefix|name words|scope subject|products.
   */
  private static final String[] INDUSTRY_ROWS = {
    "01|农业科技/农业开发|农作物种植|蔬菜、花卉苗木、种苗",
    "0143|园艺/花木|花卉种植|盆栽花卉、绿化苗木、种球",
    "0171|中药材/农业科技|中药材种植|川芎种苗、附子、道地中药材",
    "02|林业/生态科技|林木育种和育苗|苗木、林木种苗",
    "05|农业科技/种业|农业技术服务|种子种苗、农产品初加工、农业社会化服务",
    "0511|种业/农业科技|种子种苗培育|杂交水稻种子、油菜种子、蔬菜种苗",
    "09|矿业/资源|有色金属矿采选|锂辉石精矿、稀有金属矿产品",
    "13|食品/农产品|农副食品加工|肉制品、蔬菜制品、农产品",
    "14|食品|食品制造|调味品、速冻食品、方便食品",
    "1495|生物科技/食品科技|食品及饲料添加剂|食品添加剂、饲料添加剂、益生菌制剂",
    "1432|食品/冷链食品|速冻食品|速冻面点、预制菜、火锅食材",
    "146|食品/调味品|调味品|郫县豆瓣、火锅底料、复合调味料",
    "15|酒业/饮品|酒和饮料|白酒、饮料",
    "1512|酒业|白酒|浓香型白酒、基酒",
    "1530|茶业|精制茶加工|绿茶、花茶、藏茶",
    "19|鞋业/皮具|皮革和鞋类制品|女鞋、皮鞋、皮具",
    "21|家居|家具制造|板式家具、定制家居、办公家具",
    "223|包装/纸业|纸制品|纸箱、纸质包装",
    "231|印务/包装|包装装潢印刷|包装印刷品、标签",
    "24|文体用品/文化创意|文教、工美、体育和娱乐用品|文创礼品、体育器材、游乐设备",
    "2439|文化创意/工艺品|工艺美术品|文创礼品、工艺摆件、熊猫主题工艺品",
    "245|玩具/文化创意|玩具|潮玩、毛绒玩具、益智玩具",
    "246|游乐设备|游艺器材|游乐设备、景区娱乐设施",
    "26|化工/新材料|化学原料和化学制品|化工原料、专用化学品",
    "261|化工/新能源材料|基础化学原料|碳酸锂、氢氧化锂、化工原料",
    "2614|化工/医药化工|有机化学原料|医药中间体、有机原料",
    "264|涂料/新材料|涂料|工业涂料、水性涂料",
    "265|新材料/复合材料|合成材料|碳纤维复合材料、预浸料、工程塑料",
    "2651|新材料/化工|合成树脂|工程塑料、改性树脂",
    "266|化学/新材料|专用化学品|电子化学品、电解液、实验试剂",
    "2682|生物科技/美容科技|化妆品|功能性护肤品、医美修复产品",
    "27|药业/制药/医药|药品|化学药品、中成药、生物制品",
    "2710|药业/化学制药|化学原料药|原料药、医药中间体",
    "2720|药业/制药|化学药品制剂|片剂、注射剂、创新药制剂",
    "273|中药/药业|中药饮片|中药饮片、配方颗粒",
    "274|药业/中药|中成药|中成药、配方颗粒、经典名方制剂",
    "276|生物技术/生物制药/生物医药|生物药品|抗体药物、疫苗、细胞治疗产品",
    "2770|医疗用品/医药科技|卫生材料及医药用品|医用敷料、医用耗材、透明质酸敷料",
    "2780|药用包装/医药科技|药用辅料及包装材料|药用辅料、预灌封注射器、中硼硅药用玻璃瓶",
    "29|塑胶/橡塑|橡胶和塑料制品|塑料零件、橡胶密封件",
    "292|塑胶/包装|塑料制品|塑料薄膜、塑料零件",
    "30|新材料/建材|非金属矿物制品|建筑材料、特种陶瓷",
    "302|建材/绿色建材|水泥制品及轻质建材|预制混凝土构件、轻质隔墙板",
    "303|建材/绿色建材|建筑材料|防水材料、保温隔热材料",
    "305|玻璃/光电材料|玻璃制品|技术玻璃、光学玻璃",
    "307|陶瓷/新材料|陶瓷制品|特种陶瓷、陶瓷基片、结构陶瓷件",
    "309|碳素/新材料|石墨及碳素制品|人造石墨负极材料、碳纤维制品、石墨电极",
    "31|钢铁/金属材料|钢压延加工|冷轧板、汽车用钢板",
    "32|金属材料/有色金属|有色金属冶炼和压延|有色金属材料",
    "324|合金材料/金属材料|有色金属合金|高温合金、钛合金棒材",
    "3252|铝业/金属材料|铝压延加工|铝板带、铝合金型材",
    "3254|稀有金属/金属材料|稀有稀土金属压延加工|钛合金板材、钛合金丝材",
    "33|金属制品/精密制造|金属制品|金属结构件、金属零件",
    "3311|钢结构|金属结构|钢结构件、网架",
    "336|表面处理/热处理|金属表面处理及热处理|热表处理、阳极氧化、喷丸强化",
    "339|精密铸造/精密锻造|铸锻件|精密铸件、锻件、粉末冶金件",
    "34|机械/精密机械|通用设备|通用机械、机械零部件",
    "341|动力设备/能源装备|原动设备|风电主轴、燃气轮机部件",
    "342|数控机床/精密机械|金属加工机械|数控机床、加工中心",
    "343|起重设备/智能装备|物料搬运设备|起重设备、索道、输送线",
    "344|流体设备|泵、阀门和液压设备|离心泵、真空泵、液压元件",
    "345|传动科技|轴承、齿轮和传动部件|轴承、精密减速器、齿轮箱",
    "346|通用设备/环境设备|烘炉、风机和包装设备|工业风机、制冷设备、包装机械",
    "3463|气体设备/氢能装备|气体、液体分离及纯净设备|电解水制氢设备、气体纯化装置",
    "348|精密机械/精密零部件|通用零部件|机械零部件、密封件",
    "3482|紧固件|紧固件|航空紧固件、高强度螺栓、自锁螺母",
    "3491|机器人/智能装备|工业机器人|工业机器人、协作机器人、机器人工作站",
    "3493|增材制造/智能装备|增材制造装备|金属3D打印机、增材制造服务",
    "35|装备/智能装备|专用设备|专用设备、自动化产线",
    "3521|化工装备|化工生产专用设备|反应釜、换热器",
    "3525|模具|模具|汽车模具、精密注塑模具",
    "353|食品机械/智能装备|食品专用设备|发酵设备、灌装生产线",
    "3544|制药装备|制药专用设备|提取浓缩设备、制粒机、灌装机",
    "3561|电工装备|电工机械专用设备|绕线设备、电池生产设备",
    "356|半导体装备/电子装备|电子专用设备|刻蚀设备、薄膜沉积设备、检测设备",
    "357|农业装备/农机|农业机械|无人农机、植保机械",
    "358|医疗科技/医疗器械|医疗器械|医疗设备、医用耗材",
    "3581|医疗科技/医疗设备|医疗诊断、监护及治疗设备|医学影像设备、监护仪、体外诊断设备",
    "3583|医疗器械/生物科技|医疗实验室设备|检验设备、消毒设备",
    "3584|医疗器械|医疗、外科器械|手术器械、介入耗材、注射器械",
    "3586|康复科技/医疗器械|康复辅具|康复训练设备、助行器、智能护理床",
    "3589|医疗器械|其他医疗设备|医美设备、光电治疗设备",
    "3591|环保科技/环境工程|环境保护专用设备|污水处理设备、废气治理设备",
    "36|汽车零部件/汽车部件|汽车零部件|汽车零部件、总成件",
    "361|汽车|汽车整车|乘用车、商用车",
    "3612|新能源汽车|新能源车整车|纯电动乘用车、插电混动汽车",
    "362|动力科技/汽车动力|汽车发动机|发动机、动力总成",
    "365|新能源汽车/客车|电车|电动客车、无轨电车",
    "366|汽车车身/汽车部件|汽车车身、挂车|车身结构件、挂车",
    "367|汽车零部件|汽车零部件及配件|底盘件、内外饰件、座椅、轮毂",
    "37|装备/交通装备|运输设备|运输设备零部件",
    "371|轨道交通/轨道装备|铁路运输设备|转向架、制动系统、车钩缓冲装置",
    "372|轨道交通|城市轨道交通设备|城轨车辆部件、牵引系统",
    "374|航空科技/航空工业/航空装备|航空航天器|航空零部件、航空装备",
    "3741|航空科技/航空工业|飞机及航空发动机|飞机结构件、发动机零部件、无人机",
    "3742|航天科技|航天器及运载火箭|卫星平台、运载火箭部段",
    "3743|航天科技/航天装备|航天相关设备|地面测发控设备、航天电子",
    "3744|航空装备/航空科技|航空相关设备|航空地面设备、机载设备",
    "378|休闲车辆/装备|非公路休闲车|景区观光车、全地形车",
    "38|电气|电气机械和器材|电气设备",
    "381|电机|电机|驱动电机、伺服电机",
    "382|电气|输配电及控制设备|开关柜、变频器",
    "3824|电力电子/电子科技|电力电子元器件|IGBT模块、电机控制器",
    "3825|光伏/新能源|光伏设备及元器件|光伏组件、光伏逆变器",
    "383|线缆|电线电缆|特种电缆、光缆",
    "384|新能源/电池科技/储能科技|电池|动力电池、储能电池、电池包",
    "387|照明/光电|照明器具|LED灯具、智能照明",
    "3891|电气/信号技术|电气信号设备|轨道交通信号设备、信号控制器",
    "39|电子科技/电子|电子设备|电子产品",
    "391|信息技术/计算机|计算机|服务器、工控机、计算机整机",
    "3913|电子/计算机外设|计算机外围设备|打印机、扫描设备",
    "3915|信息安全/网络安全|信息安全设备|防火墙、密码设备",
    "392|通信技术/通信|通信设备|5G基站设备、通信终端",
    "3940|雷达电子/电子科技|雷达及配套设备|雷达、天线、机载雷达组件",
    "395|电子/视听科技|视听设备|音响、电视",
    "396|智能科技|智能消费设备|智能手表、智能家居终端",
    "3962|智能网联/汽车电子|智能车载设备|车载终端、ADAS控制器、智能座舱",
    "3963|无人机/航空科技|智能无人飞行器|工业无人机、物流无人机",
    "3964|机器人/智能科技|服务消费机器人|服务机器人、导览机器人",
    "397|微电子/半导体|电子器件|电子器件",
    "3972|半导体/功率半导体|半导体分立器件|IGBT、碳化硅MOSFET、功率模块",
    "3973|微电子/集成电路/半导体|集成电路|晶圆、封装测试、芯片",
    "3974|光电显示/显示科技|显示器件|OLED面板、显示模组",
    "3975|光电/半导体照明|半导体照明器件|LED芯片",
    "3976|光电子/光电科技|光电子器件|光模块、激光器",
    "398|电子科技/电子元件|电子元件|电子元件",
    "3981|电子元件/电子科技|电阻电容电感元件|MLCC、电感",
    "3982|电路科技/电子|电子电路|PCB、柔性电路板",
    "3983|传感技术/传感器|敏感元件及传感器|MEMS传感器、压力传感器",
    "3985|电子材料/新材料|电子专用材料|靶材、电子特气、正极材料",
    "40|仪器/测控技术|仪器仪表|仪器仪表",
    "401|自动化/工业自动化|通用仪器仪表|DCS、PLC、实验分析仪器",
    "4012|仪器/电测技术|电工仪器仪表|电能表、电工测量仪器",
    "4015|测试设备/仪器|试验机|材料试验机、环境试验箱",
    "4021|环境监测/仪器|环境监测仪器|在线监测设备、碳排放监测仪",
    "4023|导航科技/测绘科技|导航、测绘仪器|北斗接收机、惯性导航",
    "4028|测控技术/电子测量|电子测量仪器|示波器、信号分析仪",
    "4040|光学/光电|光学仪器|光学镜头、光学检测仪器",
    "42|资源再生/环保|废料加工|再生铝锭、废钢",
    "43|维修工程/设备维修|设备修理|设备维修",
    "4341|轨道交通维修|铁路运输设备修理|城轨车辆架修、部件检修",
    "4343|航空维修/航空工程|航空航天器修理|部附件维修、航空器定检",
    "44|能源/新能源|电力生产|电力",
    "4416|新能源/光伏电力|太阳能发电|分布式光伏电站",
    "45|燃气/能源|燃气生产和供应|天然气",
    "46|水务/环境|水的生产和处理|污水处理",
    "4620|水务/环境|污水处理|污水处理运营、再生水",
    "48|建设工程/工程|土木工程|市政工程",
    "51|商贸/贸易|批发|批发贸易",
    "511|农产品/商贸|农产品批发|种子、农产品",
    "515|医药/医药商贸|医药批发|药品配送、医疗器械配送",
    "517|贸易/电子商务|机械电子产品批发|电子产品、汽车零配件",
    "518|贸易/国际贸易|贸易代理|进出口代理",
    "519|电子商务/商贸|互联网批发|互联网批发",
    "52|商贸/零售|零售|零售",
    "521|商业/商贸|综合零售|百货、超市",
    "523|服饰/时尚|服装零售|服装、鞋帽",
    "524|珠宝/时尚|珠宝首饰零售|珠宝首饰",
    "525|大药房/医药连锁|医药零售|药品零售",
    "526|汽车服务/汽车销售|汽车销售|新车销售、汽车零配件",
    "5267|充电科技/新能源|机动车充电|充电桩、换电站运营",
    "529|电子商务/网络科技|互联网零售|直播电商、网络零售",
    "54|运输/物流|道路运输|城市配送、集装箱运输",
    "56|航空服务/航空|航空运输|航空运输服务",
    "5611|航空|航空旅客运输|客运航线",
    "5612|航空货运/航空物流|航空货物运输|航空货运、全货机运输",
    "562|通用航空|通用航空服务|通航作业、低空旅游、应急救援飞行",
    "563|航空服务/机场服务|航空运输辅助|地勤服务、机场运营",
    "58|供应链/物流|多式联运与运输代理|多式联运、货运代理",
    "59|仓储/物流|仓储|仓储服务",
    "5930|冷链物流|低温仓储|冷链仓储",
    "63|通信/信息技术|电信和卫星传输|通信服务",
    "633|卫星通信|卫星传输服务|卫星通信服务",
    "64|网络科技/互联网|互联网服务|互联网平台",
    "643|网络科技/互联网|互联网平台|产业互联网平台、生活服务平台",
    "644|网络安全/信息安全|互联网安全服务|安全运营、渗透测试",
    "645|数据科技/大数据|互联网数据服务|数据中心、云服务",
    "65|软件/信息技术/网络科技|软件和信息技术服务|软件产品、信息技术服务",
    "651|软件/信息技术|软件开发|行业应用软件、基础软件",
    "6520|微电子/集成电路设计/芯片|集成电路设计|芯片设计、IP核、SoC",
    "653|信息技术/物联网|系统集成和物联网|系统集成、物联网平台",
    "654|信息技术/运维服务|运行维护服务|IT运维",
    "6550|数据科技/云计算|信息处理和存储支持服务|算力服务、数据存储",
    "6560|信息技术/数字咨询|信息技术咨询|IT咨询、数字化转型咨询",
    "657|数字科技/文化传媒|数字内容服务|数字内容",
    "6571|遥感科技/空间信息|地理遥感信息服务|遥感数据、时空信息平台",
    "6572|网络科技/游戏/动漫|动漫游戏数字内容|手机游戏、动画",
    "66|金融服务/融资租赁|金融服务|金融服务",
    "663|融资租赁|融资租赁|飞机租赁、设备融资租赁",
    "67|投资/资本|资本市场服务|股权投资",
    "69|金融信息/金融科技|金融信息服务|金融信息服务",
    "71|租赁|租赁|设备租赁",
    "7119|设备租赁/航空租赁|机械设备经营租赁|航空器经营租赁、设备租赁",
    "72|企业管理/商务服务|商务服务|商务服务",
    "7211|企业管理|企业总部管理|总部管理",
    "722|供应链管理/供应链|供应链管理|供应链管理服务",
    "725|文化传媒/广告|广告|互联网广告、品牌营销",
    "7259|文化传媒/广告|广告|品牌策划、展览展示",
    "728|会展/展览|会议和展览|会展服务",
    "73|科技/技术研究|研究和试验发展|技术研发",
    "7320|科技/工程技术|工程和技术研究和试验发展|技术研发、试验验证",
    "7330|农业科技/种业|农业科学研究|育种研发、农业技术",
    "7340|医药科技/生物医药/生物科技|医学研究和试验发展|药物发现、临床前研究、临床试验服务",
    "74|技术服务/检测技术|专业技术服务|技术服务",
    "744|测绘/空间信息|测绘地理信息|遥感测绘、地理信息数据",
    "7455|认证/检测认证|认证认可|体系认证、产品认证",
    "7452|检测技术/检测认证|检测服务|检验检测、可靠性试验",
    "748|工程设计/工程咨询|工程技术与设计|工程设计、工程咨询",
    "7491|工业设计/设计|工业设计|产品设计、结构设计",
    "7492|设计/文化创意|专业设计|视觉设计、时尚设计",
    "75|科技服务/技术推广|科技推广和应用服务|技术推广、成果转化",
    "7516|环保科技|环保技术推广|环保技术、节能改造",
    "77|生态环境/环保|生态保护和环境治理|环境治理",
    "772|环境治理/环保|污染治理|水污染治理、大气污染治理",
    "78|市政/园林|公共设施管理|景区运营、园林绿化",
    "81|汽车服务/维修|汽车修理与维护|汽车维修、汽车保养",
    "84|医疗管理/医院|医疗卫生|医疗服务",
    "8415|医疗美容/专科医疗|专科医院|专科医疗、医疗美容",
    "85|养老服务/健康|养老护理|养老护理服务",
    "86|文化传媒/出版|新闻和出版|数字出版",
    "87|影视文化/传媒|广播影视|影视制作、节目制作",
    "88|文化艺术/文化传播|文化艺术|演艺、文博服务",
    "89|体育文化/体育|体育|赛事运营、场馆运营",
    "90|文化娱乐/娱乐|娱乐|游乐园运营、文化活动",
  };

  private static final String[] ENGLISH_ROWS = {
    "|Industries|industrial products, precision parts",
    "01|Agritech|seeds, horticulture, farm services",
    "05|Agritech|seeds, farm services",
    "09|Mining|lithium concentrate, rare metal ores",
    "13|Foods|processed foods, food ingredients",
    "14|Foods|condiments, frozen foods, food ingredients",
    "15|Beverages|spirits, tea, beverages",
    "19|Footwear|footwear, leather goods",
    "21|Furniture|furniture, home systems",
    "22|Packaging|paper packaging, cartons",
    "23|Packaging|packaging print, labels",
    "24|Consumer Products|gifts, toys, sports equipment",
    "29|Plastics|plastic films, moulded parts",
    "42|Recycling|recycled aluminium, steel scrap",
    "44|Energy|solar power, energy services",
    "46|Water|wastewater treatment, water services",
    "51|Trading|wholesale distribution, import and export",
    "52|Retail|retail, e-commerce",
    "58|Logistics|multimodal transport, freight forwarding",
    "59|Logistics|warehousing, cold chain",
    "64|Digital|internet platforms, data services",
    "72|Consulting|supply chain management, business services",
    "73|Research|contract research, engineering R&D",
    "77|Environmental|pollution control, environmental services",
    "84|Healthcare|hospital services, specialty care",
    "87|Media|film production, content",
    "27|Pharma|small-molecule drugs, active pharmaceutical ingredients",
    "276|Biopharma|antibodies, vaccines, cell therapy",
    "2780|Pharma Packaging|prefilled syringes, pharmaceutical glass",
    "26|Chemicals|specialty chemicals, electronic chemicals",
    "30|Materials|technical ceramics, composite materials",
    "32|Metals|superalloys, titanium alloys, aluminium sheet",
    "33|Metal Works|precision castings, forgings",
    "34|Machinery|precision components, gearboxes",
    "3491|Robotics|industrial robots, robot cells",
    "35|Equipment|special-purpose machinery",
    "356|Semiconductor Equipment|etch systems, deposition tools",
    "358|Medical|medical imaging, surgical instruments, diagnostics",
    "36|Automotive|chassis parts, interiors, body structures",
    "3612|Mobility|electric vehicles, e-drive systems",
    "37|Rail Systems|bogies, brake systems, traction",
    "374|Aerospace|aircraft structures, aero-engine parts, avionics",
    "3742|Space|satellite platforms, launch vehicle parts",
    "38|Electric|drives, power electronics",
    "384|Battery|lithium-ion cells, battery packs, energy storage",
    "3825|Solar|PV modules, inverters",
    "39|Electronics|electronic modules, sensors",
    "3962|Automotive Electronics|ADAS controllers, in-vehicle terminals",
    "397|Semiconductor|power devices, integrated circuits",
    "3974|Display|OLED panels, display modules",
    "3976|Photonics|optical transceivers, lasers",
    "398|Electronic Components|MLCC, printed circuit boards, MEMS sensors",
    "3985|Electronic Materials|sputtering targets, specialty gases, cathode materials",
    "40|Instruments|test and measurement instruments",
    "4343|Aviation Services|component MRO, aircraft maintenance",
    "56|Aviation|air cargo, airport services",
    "65|Software|enterprise software, cloud services",
    "6520|Microelectronics|chip design, IP cores",
    "66|Capital|aircraft leasing, equipment finance",
    "7340|Life Sciences|drug discovery, preclinical research, clinical trial services",
    "74|Technical Services|testing, engineering design",
  };

  private static final List<Industry> INDUSTRIES = parseIndustries();
  private static final List<EnglishSector> ENGLISH = parseEnglish();

  /**
   * Real 4-digit classes that non-chain firms draw their primary industry from (manufacturing and
   * producer services a target pool plausibly holds). The generator leaves out those that the chain
   * nodes or zone lead industries already name, so non-chain firms do not match by code.
   */
  public static final List<String> OTHER_CODES =
      List.of(
          "1432", "1469", "1495", "1512", "1530", "1951", "2110", "2231", "2319", "2439", "2641",
          "2651", "2682", "2921", "2929", "3024", "3051", "3073", "3311", "3360", "3421", "3441",
          "3453", "3462", "3463", "3464", "3467", "3482", "3491", "3493", "3521", "3525", "3544",
          "3561", "3591", "3720", "3715", "3812", "3823", "3825", "3831", "3872", "3913", "3964",
          "4011", "4012", "4014", "4015", "4021", "4040", "4210", "4620", "5292", "5810", "5930",
          "6431", "6440", "6513", "6560", "6572", "7224", "7251", "7259", "7441", "7452", "7455",
          "7484", "7491", "7492", "7516", "7721", "8730");

  /** Generic scope tail of a Chinese business scope (经营范围). */
  public static final String SCOPE_TAIL_ZH =
      "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；货物进出口；技术进出口" + "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

  public static Industry industry(String code) {
    Industry best = null;
    for (Industry i : INDUSTRIES) {
      if (code.startsWith(i.prefix())
          && (best == null || i.prefix().length() > best.prefix().length())) {
        best = i;
      }
    }
    return best != null ? best : new Industry("", List.of("科技", "实业"), "相关产品", List.of("相关产品"));
  }

  public static EnglishSector english(String code) {
    EnglishSector best = ENGLISH.get(0);
    for (EnglishSector e : ENGLISH) {
      if (code.startsWith(e.prefix()) && e.prefix().length() > best.prefix().length()) {
        best = e;
      }
    }
    return best;
  }

  /** True for manufacturing (major classes 13-43) and mining, whose scope reads 研发、生产. */
  public static boolean makesGoods(String code) {
    int major = Integer.parseInt(code.substring(0, 2));
    return major >= 6 && major <= 43;
  }

  /** Every code this class names (the tests check each against the classification table). */
  static List<String> allCodes() {
    List<String> codes = new ArrayList<>(OTHER_CODES);
    INDUSTRIES.forEach(i -> codes.add(i.prefix()));
    ENGLISH.stream().map(EnglishSector::prefix).filter(p -> !p.isEmpty()).forEach(codes::add);
    return codes;
  }

  private static City city(
      String name,
      String province,
      String prefix,
      double lat,
      double lon,
      double weight,
      boolean metro,
      String divisions) {
    return new City(name, province, prefix, lat, lon, weight, metro, List.of(divisions.split(" ")));
  }

  private static List<Industry> parseIndustries() {
    List<Industry> out = new ArrayList<>();
    for (String row : INDUSTRY_ROWS) {
      String[] p = row.split("\\|");
      out.add(new Industry(p[0], List.of(p[1].split("/")), p[2], Arrays.asList(p[3].split("、"))));
    }
    return List.copyOf(out);
  }

  private static List<EnglishSector> parseEnglish() {
    List<EnglishSector> out = new ArrayList<>();
    for (String row : ENGLISH_ROWS) {
      String[] p = row.split("\\|");
      out.add(new EnglishSector(p[0], p[1], List.of(p[2].split(", "))));
    }
    return List.copyOf(out);
  }
}
